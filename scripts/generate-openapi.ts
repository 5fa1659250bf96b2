import fs from 'node:fs';
import path from 'node:path';
import { renderOpenApiDocument } from '../central/openapi';

/** `npm run openapi`: writes docs/central-api.openapi.json from the zod contract of shared/central.ts. */
export const OPENAPI_FILE = path.join(__dirname, '..', 'docs', 'central-api.openapi.json');

export function writeOpenApiDocument(file: string = OPENAPI_FILE): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderOpenApiDocument());
}

if (process.argv[1] !== undefined && path.basename(process.argv[1]) === 'generate-openapi.ts') {
  writeOpenApiDocument();
  console.log(`Scritto ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
