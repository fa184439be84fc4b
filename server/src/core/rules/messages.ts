/**
 * Messages made once per check for the words they are made with. `l10n.t` with arguments took 0.7 µs a call (it
 * copies its arguments and formats with a callback), and the records of a file mostly repeat the same few years,
 * codes and choices, so a rule that reports on many records asks for the same message again and again.
 */
export type MessageMemo = (words: string, make: () => string) => string;

/** A memo for one rule's check: `words` is everything the message is made from, joined by line breaks. */
export function messageMemo(): MessageMemo {
  const made = new Map<string, string>();
  return (words, make) => {
    let message = made.get(words);
    if (message === undefined) {
      message = make();
      made.set(words, message);
    }
    return message;
  };
}
