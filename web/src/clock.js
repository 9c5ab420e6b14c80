// The app's one reading of the current time. Everything time-based in the durability features
// (backup reminders, the trash's age) asks here, so a test can move the clock by overriding Date.
export const now = () => Date.now();

// sameDay says whether two times fall on the same calendar day where the author is.
export function sameDay(a, b) {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
