/** The label on every demo listing (is_demo): it is not a real service. */
export function DemoTag() {
  return <span class="marke-tag">Voorbeeld</span>;
}
