package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// draftsResult is the drafts store seen through window.casewright.drafts, in milliseconds:
// saving the large draft (what autosave writes), and listing a store of many drafts.
type draftsResult struct {
	Doc    string  `json:"doc"`
	Save   summary `json:"save"`
	Drafts int     `json:"drafts"`
	List   summary `json:"list"`
}

// measureDrafts times saves of the last (largest) document and the listing of o.drafts
// drafts, in a fresh profile so that the other measurements start from an empty store.
func measureDrafts(ctx context.Context, o options, url string, docs []document) (draftsResult, error) {
	large := docs[len(docs)-1]
	res := draftsResult{Doc: large.name}
	b, err := newBrowser(ctx, o.chrome)
	if err != nil {
		return res, err
	}
	defer b.close()
	if _, err := b.open(url); err != nil {
		return res, err
	}
	text, _ := json.Marshal(large.text)
	var saves []float64
	var list struct {
		Times  []float64 `json:"times"`
		Listed int       `json:"listed"`
	}
	err = b.run(10*time.Minute,
		chromedp.Evaluate(draftsScript, nil),
		chromedp.Evaluate(fmt.Sprintf(`window.__cwTimeSave(%s, %d)`, text, o.saveRuns), &saves, awaitPromise),
		chromedp.Evaluate(fmt.Sprintf(`window.__cwTimeList(%d, 5)`, o.drafts), &list, awaitPromise),
	)
	if err != nil {
		return res, err
	}
	res.Save, res.Drafts, res.List = summarize(saves), list.Listed, summarize(list.Times)
	return res, nil
}
