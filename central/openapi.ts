import { z } from 'zod';
import {
  CENTRAL_ENDPOINTS,
  CentralError,
  EnrolRequest,
  EnrolResponse,
  FeedResponse,
  NoticeBlockRequest,
  NoticeBlockResponse,
  PushRequest,
  PushResponse,
  ServerTime,
} from '../shared/central';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from './feed';

/**
 * The OpenAPI 3.1 document of the central API, derived from the zod schemas of shared/central.ts
 * so the published contract cannot drift from the one the counters and the emulator use.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SCHEMAS = {
  EnrolRequest: { schema: EnrolRequest, io: 'input' },
  EnrolResponse: { schema: EnrolResponse, io: 'output' },
  FeedResponse: { schema: FeedResponse, io: 'output' },
  PushRequest: { schema: PushRequest, io: 'input' },
  PushResponse: { schema: PushResponse, io: 'output' },
  ServerTime: { schema: ServerTime, io: 'output' },
  NoticeBlockRequest: { schema: NoticeBlockRequest, io: 'input' },
  NoticeBlockResponse: { schema: NoticeBlockResponse, io: 'output' },
  CentralError: { schema: CentralError, io: 'output' },
} as const;
type SchemaName = keyof typeof SCHEMAS;

function schemaName(schema: z.ZodType): SchemaName {
  for (const [name, entry] of Object.entries(SCHEMAS)) if (entry.schema === schema) return name as SchemaName;
  throw new Error('schema senza nome nel documento OpenAPI');
}

const ref = (name: SchemaName): Json => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: SchemaName): Json => ({ 'application/json': { schema: ref(name) } });
const errorReply = (description: string): Json => ({ description, content: jsonContent('CentralError') });

function toJsonSchema(name: SchemaName): Json {
  const { schema, io } = SCHEMAS[name];
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Record<
    string,
    Json
  >;
  return rest;
}

const DESCRIPTIONS: Record<keyof typeof CENTRAL_ENDPOINTS, { summary: string; description: string }> = {
  enrol: {
    summary: 'Enrol a counter PC with a one-time code',
    description:
      "Trades a one-time code (valid 24 h) for the counter's own token. Enrolling again revokes the previous token " +
      '(calls with it get 401 TOKEN_REVOKED). The reply carries the last receipt number per year the central knows ' +
      'for that counter, so a replaced PC never reuses a number.',
  },
  feed: {
    summary: 'Changes of roster, balances, operators and configuration after a cursor',
    description:
      'The current state of every entity changed after the cursor, in change order, filtered by what the counter ' +
      'may see (a pharmacy gets no families, and children without codice fiscale, birth date, family and with only ' +
      'the surname initial). An empty or absent cursor starts from the beginning; an unknown one is refused with ' +
      '400 BAD_CURSOR and the counter starts again. An account carries balanceSeq: its balance counts every central ' +
      'ledger entry with seq <= balanceSeq.',
  },
  push: {
    summary: 'Send counter operations (top-ups, voids)',
    description:
      'Each operation is accepted (stored under its UUID, with its seq on the central ledger) or rejected with a ' +
      'reason, on its own. Sending an operation again returns accepted with its original seq and changes nothing. ' +
      'A pagoPA notice (type notice) registers its debt position: refused when a codice avviso is outside the ' +
      "counter's blocks, already used, or the account unknown. A cancellation (notice_cancel) is accepted as a " +
      'request: it cancels the notice unless a payment reached the central first; the feed brings the outcome.',
  },
  time: {
    summary: 'Server time',
    description: "The central's clock, to measure the counter's clock offset.",
  },
  noticeBlocks: {
    summary: 'Assign a block of codice avviso bases to a counter',
    description:
      'A counter issues pagoPA notices offline with codici avviso (aux digit 3) built from 13-digit bases the ' +
      'central assigned to it. The same requestId always gets the same block (a retry after a lost reply); a ' +
      "base is never assigned twice. A notice pushed with a NAV outside the counter's blocks is rejected.",
  },
};

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const [key, endpoint] of Object.entries(CENTRAL_ENDPOINTS) as [
    keyof typeof CENTRAL_ENDPOINTS,
    (typeof CENTRAL_ENDPOINTS)[keyof typeof CENTRAL_ENDPOINTS],
  ][]) {
    const operation: Record<string, Json> = {
      operationId: key,
      ...DESCRIPTIONS[key],
      security: endpoint.auth ? [{ counterToken: [] }] : [],
      responses: {
        '200': { description: 'OK', content: jsonContent(schemaName(endpoint.response)) },
        '400': errorReply('Invalid request (BAD_REQUEST) or cursor (BAD_CURSOR)'),
        '401': errorReply(
          endpoint.auth ? 'Missing or unknown token (UNAUTHORIZED), or revoked (TOKEN_REVOKED)' : 'CODE_INVALID',
        ),
        '409': errorReply(
          endpoint.auth
            ? 'SECOND_INSTALLATION: the token is used by another installation than the one it is bound to'
            : 'WRONG_COUNTER: the code is for another counter than the one asking (the code stays unused)',
        ),
        '500': errorReply('INTERNAL: retry later'),
        '503': errorReply('UNAVAILABLE: retry later'),
      },
    };
    if (endpoint.request !== null) {
      operation.requestBody = { required: true, content: jsonContent(schemaName(endpoint.request)) };
    }
    const installation: Json[] = endpoint.auth
      ? [
          {
            name: 'X-Sportello-Installation',
            in: 'header',
            required: false,
            description: "The installation's id the token is bound to (see EnrolRequest.installationId).",
            schema: { type: 'string' },
          },
        ]
      : [];
    if (installation.length > 0) operation.parameters = installation;
    if (key === 'feed') {
      operation.parameters = [
        ...installation,
        { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: FEED_MAX_LIMIT, default: FEED_DEFAULT_LIMIT },
        },
      ];
    }
    paths[endpoint.path] = { [endpoint.method.toLowerCase()]: operation };
  }
  const schemas: Record<string, Json> = {};
  for (const name of Object.keys(SCHEMAS) as SchemaName[]) schemas[name] = toJsonSchema(name);
  return sortKeys({
    openapi: '3.1.0',
    info: {
      title: 'Sportello - servizio centrale',
      version: '1.0.0',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      description:
        'API of the central service (back end of WEB GENITORI and SPAZIO SCUOLA) as the counters of the Comune di ' +
        'Carrara use it. Every reply carries serverTime. Generated from shared/central.ts by scripts/generate-openapi.ts.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // Each counter is configured with the address of the Comune's central service; the emulator
    // (`sportello central`) listens on loopback on the port it prints.
    servers: [
      {
        url: '{centralUrl}',
        description: "The Comune's central service, at the address configured on each counter (--central).",
        variables: {
          centralUrl: {
            default: 'https://centrale.comune.invalid',
            description: 'Base URL of the central service, without a trailing slash (the default is a placeholder).',
          },
        },
      },
      {
        url: 'http://127.0.0.1:{port}',
        description: 'The central emulator of tests and demos (npx sportello central --port 0 prints its port).',
        variables: { port: { default: '8787', description: 'The port the emulator printed.' } },
      },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        counterToken: { type: 'http', scheme: 'bearer', description: 'The token the counter received at enrolment.' },
      },
    },
  });
}

/** Sorted keys at every level: the committed file changes only when the contract does. */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] ?? null);
  return sorted;
}

/** The file's exact text: 2-space JSON and a trailing newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
