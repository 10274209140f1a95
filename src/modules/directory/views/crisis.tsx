/** Crisis help, always one step away on every Hulpwijzer page (issue 5 §2). */
import type { CrisisLine } from '../directory.types.js';

/** A phone number as a link target: digits and + only ("0800-0113" → tel:08000113). */
export const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;

function LineText({ line }: { line: CrisisLine }) {
  return (
    <>
      <strong>{line.name}</strong>
      {line.number ? (
        <>
          {': '}
          <a class="utrecht-link" href={telHref(line.number)}>
            bel {line.number}
          </a>
        </>
      ) : line.hint ? (
        `: ${line.hint}`
      ) : null}
    </>
  );
}

/** A short strip at the top of every page: the numbers, nothing else. */
export function CrisisStrip({ lines }: { lines: CrisisLine[] }) {
  return (
    <aside class="marke-crisis-strip" aria-labelledby="nood-kop">
      <h2 class="marke-visually-hidden" id="nood-kop">
        Direct hulp nodig
      </h2>
      <p class="utrecht-paragraph">
        Direct hulp nodig?{' '}
        {lines.map((line, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <LineText line={line} />
          </>
        ))}
      </p>
    </aside>
  );
}

/** Shown first when a question signals crisis: who to call now, and why. */
export function CrisisFirst({ lines }: { lines: CrisisLine[] }) {
  if (lines.length === 0) return null;
  return (
    <section class="marke-crisis" aria-labelledby="crisis-kop">
      <h2 class="utrecht-heading-2" id="crisis-kop">
        Praat er nu over: je hoeft het niet alleen te doen
      </h2>
      <ul class="utrecht-unordered-list">
        {lines.map((line) => (
          <li>
            <LineText line={line} />. {line.when}
          </li>
        ))}
      </ul>
    </section>
  );
}
