package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"regexp"
)

// server is `casewright serve` on a free loopback port.
type server struct {
	url string
	cmd *exec.Cmd
}

// startServer starts the built tool's server and reads the address it prints.
func startServer(bin string) (*server, error) {
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	url := regexp.MustCompile(`http://\S+`).FindString(line)
	if err != nil || url == "" {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("no address in the server's first line %q (%v)", line, err)
	}
	return &server{url: url, cmd: cmd}, nil
}

func (s *server) stop() {
	s.cmd.Process.Kill()
	s.cmd.Wait()
}
