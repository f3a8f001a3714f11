/**
 * `npm run mcp`: a Model Context Protocol server over stdio for a Pitwatch deployment, read-only.
 *   PITWATCH_URL    the API's base: the HttpApiUrl output in AWS, or http://localhost:3000/api for `npm start`
 *   PITWATCH_TOKEN  an API token with the read scope (POST /api-tokens {"name": "assistant", "scopes": ["read"]})
 * Logs go to stderr: stdout is the protocol.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { pitwatchApi } from './pitwatch-api';
import { registerPitwatchTools } from './pitwatch-tools';

const url = process.env.PITWATCH_URL;
const token = process.env.PITWATCH_TOKEN;
if (!url || !token) {
  console.error('Set PITWATCH_URL (the API base, e.g. http://localhost:3000/api) and PITWATCH_TOKEN (a read API token, pw_…).');
  process.exit(2);
}

const server = new McpServer({ name: 'pitwatch', version: '0.1.0' });
registerPitwatchTools(server, pitwatchApi(url, token));
await server.connect(new StdioServerTransport());
console.error(`Pitwatch MCP server: ${url}`);
