import type { BridgeError } from '../api/result';
import { startupText } from './startup-text';

interface Props {
  /** What could not be loaded, in plain words (a whole sentence: "Budgetly could not load your settings"). */
  title: string;
  error: BridgeError;
  onRetry: () => void;
}

/** Something the app needs before any screen could not be loaded: what failed, why, and a way to ask again. */
export function LoadFailure({ title, error, onRetry }: Props) {
  return (
    <main className="center" aria-labelledby="load-failure-title">
      <section className="load-failure" role="alert" data-testid="load-failure">
        <h1 id="load-failure-title">{title}</h1>
        <p>{error.message}</p>
        <p className="hint">{startupText.nothingChanged}</p>
        {/* Focused at once (there is nothing else to do here): the keyboard's next Enter asks again. */}
        <button type="button" className="primary" onClick={onRetry} autoFocus data-testid="load-retry">
          {startupText.tryAgain}
        </button>
      </section>
    </main>
  );
}
