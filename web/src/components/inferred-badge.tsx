/** Marks a fact that is this graph's reading of the text rather than its statement. */
export function InferredBadge({ inferred }: { inferred: boolean }) {
  return inferred ? (
    <span className="badge" title="This graph's reading of the text rather than its statement">
      inferred
    </span>
  ) : null;
}
