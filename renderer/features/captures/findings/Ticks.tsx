import { Fragment } from 'react';

/** The doctor writes code in `backticks`; shown as <code>, everything else as plain text. */
export function Ticks({ text }: { text: string }) {
  const pieces = text.split('`');
  // An odd count of backticks leaves the last one unpaired: show the text as it is.
  if (pieces.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed string
          <code key={index}>{piece}</code>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed string
          <Fragment key={index}>{piece}</Fragment>
        ),
      )}
    </>
  );
}
