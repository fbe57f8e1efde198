interface Props {
  /** Labels of the columns hidden to fit next to the detail panel. */
  tucked: string[];
  showingAll: boolean;
  onShowAll: (showAll: boolean) => void;
}

function list(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Says which columns made room for the detail panel, with a way to see every column (the table then scrolls sideways). */
export function TuckedColumnsNote({ tucked, showingAll, onShowAll }: Props) {
  return (
    <p className="tucked-note hint" data-testid="tucked-columns" data-tucked={tucked.length}>
      {showingAll ? (
        <>
          All columns are shown; scroll sideways to see them.{' '}
          <button type="button" className="link" onClick={() => onShowAll(false)}>
            Fit the table to the window
          </button>
        </>
      ) : (
        <>
          {list(tucked)} {tucked.length === 1 ? 'is' : 'are'} hidden while the details are open.{' '}
          <button type="button" className="link" onClick={() => onShowAll(true)}>
            Show all columns
          </button>
        </>
      )}
    </p>
  );
}
