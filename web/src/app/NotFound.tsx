import { Link } from 'react-router';
import { paths } from './routes';

export function NotFound() {
  return (
    <main className="page page--narrow">
      <div className="card empty">
        <h1 className="empty__title">Nothing here</h1>
        <p className="muted">This page does not exist (yet).</p>
        <Link className="button" to={paths.devices()}>
          Back to your thermometers
        </Link>
      </div>
    </main>
  );
}
