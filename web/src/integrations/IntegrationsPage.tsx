/** /integrations: API tokens, Home Assistant over MQTT, and where the OpenAPI document, Prometheus and MCP are. */
import { useSignedIn } from '../auth/SessionContext';
import { useDisplay } from '../settings/useDisplay';
import { ApiTokensSection } from './ApiTokensSection';
import { MqttSection } from './MqttSection';
import './integrations.css';

export default function IntegrationsPage() {
  const display = useDisplay();
  const { config } = useSignedIn();
  const apiUrl = config.apiUrl.replace(/\/+$/, '');
  return (
    <main className="page page--medium">
      <h1>Integrations</h1>
      <ApiTokensSection display={display} />
      <MqttSection display={display} />
      <section className="card integrations__section" aria-labelledby="integrations-more">
        <h2 id="integrations-more">More ways in</h2>
        <ul className="integrations__pointers">
          <li>
            <strong>OpenAPI:</strong> every route and its schemas, at{' '}
            <a href={`${apiUrl}/openapi.json`} target="_blank" rel="noreferrer">
              {apiUrl}/openapi.json
            </a>
            .
          </li>
          <li>
            <strong>Prometheus and Grafana:</strong> scrape <code>{apiUrl}/metrics</code> with a read-only token as the bearer token; the README has the scrape config and a Grafana
            dashboard.
          </li>
          <li>
            <strong>MCP (AI assistants):</strong> <code>npm run mcp</code> with <code>PITWATCH_URL</code> and a read-only token in <code>PITWATCH_TOKEN</code> lets an assistant answer “when will my brisket be
            done?”; see the README’s MCP section.
          </li>
        </ul>
      </section>
    </main>
  );
}
