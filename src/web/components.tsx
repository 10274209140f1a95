/** Shared view components: plan text blocks, tags, goal links. */
import type { Block } from '../lib/blocks.js';
import { asBlocks } from '../lib/blocks.js';

/** Renders `**bold**` as <strong>; all other text is escaped by hono/jsx. */
export function Inline({ text }: { text: string }) {
  const parts = text.split(/\*\*(.+?)\*\*/g);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <strong>{part}</strong> : part))}</>;
}

function BlockView({ block, headingLevel }: { block: Block; headingLevel: 3 | 4 }) {
  if (typeof block === 'string') {
    return (
      <p class="utrecht-paragraph">
        <Inline text={block} />
      </p>
    );
  }
  if ('list' in block) {
    const items = block.list.map((item) => (
      <li class={block.ordered ? 'utrecht-ordered-list__item' : 'utrecht-unordered-list__item'}>
        <Inline text={item} />
      </li>
    ));
    return block.ordered ? (
      <ol class="utrecht-ordered-list">{items}</ol>
    ) : (
      <ul class="utrecht-unordered-list">{items}</ul>
    );
  }
  if ('heading' in block) {
    return headingLevel === 3 ? (
      <h3 class="utrecht-heading-3">
        <Inline text={block.heading} />
      </h3>
    ) : (
      <h4 class="utrecht-heading-4">
        <Inline text={block.heading} />
      </h4>
    );
  }
  return (
    <blockquote>
      <p class="utrecht-paragraph">
        <Inline text={block.quote} />
      </p>
      {block.by ? <p class="marke-muted">— {block.by}</p> : null}
    </blockquote>
  );
}

/** Renders stored plan blocks (paragraphs, lists, headings, quotes). */
export function Blocks({ blocks, headingLevel = 3 }: { blocks: unknown; headingLevel?: 3 | 4 }) {
  return (
    <>
      {asBlocks(blocks).map((block) => (
        <BlockView block={block} headingLevel={headingLevel} />
      ))}
    </>
  );
}

/** The opgave page shows its keywords as tags; one component keeps their markup alike. */
export function Tag({ children }: { children: string }) {
  return <span class="marke-tag">{children}</span>;
}

/** The label of demo content (stories, panel results, directory listings): not real. */
export function DemoTag() {
  return <Tag>Voorbeeld</Tag>;
}
