import { IDEMPOTENCY_KEY_PATTERN } from '../idempotency/idempotency.guard';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { Role } from '../auth/roles';
import { LedgerErrorDto } from './ledger-error.dto';
import { schemasFromValidation } from './validation-schemas';

/**
 * The OpenAPI description of the app at /docs (JSON at /docs-json), a contract a client can generate from: every
 * operation's answer, its errors in one envelope, its roles (`x-roles` and in words), operationIds named after the use
 * case, Idempotency-Key on the writes only, schemas as strict as the validation. Built from the controllers' and DTOs'
 * own decorators; what the ledger does the same way everywhere (auth, errors, Idempotency-Key, `minPosition`) is
 * added here, so an endpoint added later gets it too. `npm run docs` writes it to docs/openapi.json.
 */
const DOCUMENTS = new WeakMap<INestApplication, OpenAPIObject>();

const BEARER = 'bearer';
const ERROR_SCHEMA = 'LedgerError';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];

export function serveOpenApi(app: INestApplication, options: { title: string; description: string }): void {
  const document = ledgerOpenApi(app, options);
  DOCUMENTS.set(app, document);
  SwaggerModule.setup('docs', app, document);
}

/** The document the app serves at /docs-json. */
export function openApiDocumentOf(app: INestApplication): OpenAPIObject {
  const document = DOCUMENTS.get(app);
  if (!document) throw new Error('this app serves no OpenAPI document (createLedgerApp serves one)');
  return document;
}

function ledgerOpenApi(app: INestApplication, options: { title: string; description: string }): OpenAPIObject {
  schemasFromValidation(); // the DTOs' validation rules into their @ApiProperty metadata, before the document
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license')
      .addServer('/', 'the ledger that serves this document (npm start: http://localhost:3000)')
      .addGlobalParameters({
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description:
          'The language of the words in the answer (messages, details, problems, titles): Chinese (zh-CN) unless en ' +
          'is preferred. The answer says which in Content-Language; error, rule, citation and field names never change.',
        schema: { type: 'string', example: 'en' },
      })
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description:
            'An opaque token (LEDGER_ADMIN_TOKEN, LEDGER_TOKENS): it names an actor and its roles. Not a JWT.',
        },
        BEARER,
      )
      .build(),
    { operationIdFactory: (controller) => useCaseName(controller), extraModels: [LedgerErrorDto] },
  );
  return asContract(document);
}

/** `GrantSubsidyHttpController` → `grantSubsidy`; controllers with several routes name each in @ApiOperation. */
function useCaseName(controller: string): string {
  const name = controller.replace(/(Http)?Controller$/, '');
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const ERRORS: Record<number, string> = {
  400:
    'invalid-input: what is wrong, field by field in `details`; nothing recorded. Query strings are closed: a query ' +
    'parameter this operation does not list (a typo such as `minPositon`), or one given twice (`?limit=1&limit=2`), ' +
    'is refused naming it.',
  401: 'unauthorized: no known bearer token',
  403: 'forbidden: the token lacks the role (see x-roles)',
  404: 'not-found',
  409: 'conflict: concurrent changes kept winning; retrying may succeed',
  413: 'invalid-input: the body is over 2 MB',
  415: 'invalid-input: a media type or charset the ledger does not read',
  422: 'a rule said no (rule-violated, cap-exceeded, policy-not-in-force, invalid-state) or idempotency-key-reused; nothing recorded',
  500: 'internal: the message never carries internals; the log has the stack',
  503: 'projection-lagging (`minPosition` not reached in time) or unavailable (a store cannot answer or write: disk full)',
};

function asContract(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  // DocumentBuilder.addBearerAuth claims `bearerFormat: JWT` whatever it is told; the ledger's tokens are opaque.
  const bearer = components.securitySchemes?.[BEARER] as { bearerFormat?: string } | undefined;
  delete bearer?.bearerFormat;
  components.parameters = { ...components.parameters, IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER };
  for (const schema of Object.values(components.schemas ?? {})) {
    if (!('$ref' in schema)) Object.values(schema.properties ?? {}).forEach(nullableAsOpenApi303);
    // Every object is closed: the validation pipe refuses unknown fields of an input (whitelist +
    // forbidNonWhitelisted), and an answer has exactly the fields its DTO names (test/openapi-contract.e2e.spec.ts
    // validates real answers against it). A map says so itself (`additionalProperties: { type: … }`).
    if (!('$ref' in schema) && schema.properties && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
  }
  document.security = [{ [BEARER]: [] }];
  const ids = new Map<string, string>();
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const seen = ids.get(operation.operationId ?? '');
      if (seen) throw new Error(`${where} and ${seen} share the operationId ${operation.operationId}: name one`);
      ids.set(operation.operationId ?? '', where);
      problems.push(...contractOf(operation, method, path, where));
    }
  }
  if (problems.length > 0) throw new Error(`the OpenAPI document is not a contract yet:\n${problems.join('\n')}`);
  return document;
}

/**
 * `nullable` as OpenAPI 3.0.3 reads it: it adds null to a `type` only, not to an `enum` nor to another schema. A
 * nullable enum, or a nullable object of another schema (`allOf: [$ref]`, as @ApiProperty({ type: Dto, nullable: true })
 * writes it), is `anyOf` the values or that schema, or null: `{ type: object, nullable: true, enum: [null] }`.
 */
const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

function nullableAsOpenApi303(property: SchemaObject | ReferenceObject): void {
  if ('$ref' in property || property.nullable !== true) return;
  const [only, ...others] = property.allOf ?? [];
  const values: SchemaObject | ReferenceObject | undefined = property.enum
    ? { type: property.type, enum: [...(property.enum as unknown[])] } // a copy: the enum may be the domain's constant
    : only && '$ref' in only && others.length === 0
      ? only
      : undefined;
  if (!values) return;
  delete property.allOf;
  delete property.enum;
  delete property.type;
  delete property.nullable;
  property.anyOf = [values, NULL_ONLY];
}

/** Completes an operation; what only its controller can say and did not, as problems. */
function contractOf(operation: OperationObject, method: Method, path: string, where: string): string[] {
  const extensions = operation as OperationObject & { 'x-roles'?: Role[]; 'x-public'?: boolean };
  const isPublic = extensions['x-public'] === true;
  delete extensions['x-public'];
  if (isPublic) {
    operation.security = [];
    delete extensions['x-roles'];
  } else {
    delete operation.security; // the document's own
    const roles = effectiveRoles(extensions['x-roles'] ?? []);
    extensions['x-roles'] = roles;
    operation.description = [operation.description, `Roles: ${roles.join(', ')}.`].filter(Boolean).join('\n\n');
  }
  const writes = method === 'post' || method === 'delete';
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  if (writes) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' } as unknown as ParameterObject);
  operation.parameters = parameters;

  const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
  const problems =
    successes.length === 0 ? [`${where} declares no 2xx answer (@ApiOkResponse, @ApiCreatedResponse)`] : [];
  for (const [status, response] of successes) {
    const content = (response as ResponseObject).content;
    if (!content || Object.values(content).some((media) => !media.schema)) {
      problems.push(`${where}: its ${status} answer has no schema (@ApiOkResponse({ type: … }))`);
    }
  }

  const statuses = [
    400, // every operation: its query string is closed (ClosedQueryGuard), whatever else it takes

    ...(isPublic ? [] : [401, 403]),
    ...(path.includes('{') ? [404] : []),
    ...(writes ? [409] : []),
    ...(operation.requestBody ? [413, 415] : []),
    ...(writes ? [422] : []),
    ...(isPublic ? [] : [503]),
    500,
  ];
  for (const status of statuses) {
    const declared = operation.responses[status] as ResponseObject | undefined;
    operation.responses[status] = {
      description: declared?.description ?? ERRORS[status],
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
    };
  }
  return problems;
}

/** Who may call: the declared roles, `supervisor` wherever `viewer` may, and `admin` always (roles.ts, hasAnyRole). */
function effectiveRoles(declared: Role[]): Role[] {
  const roles = new Set<Role>(declared);
  if (roles.has('viewer')) roles.add('supervisor');
  roles.add('admin');
  return [...roles];
}

const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'The same key with the same request answers the first answer again (header Idempotent-Replayed: true) and records ' +
    'nothing new; with another request, 422 idempotency-key-reused. Keys are kept per actor.',
  schema: {
    type: 'string',
    // The guard's own pattern (idempotency.guard.ts): 1–255 visible ASCII characters.
    pattern: IDEMPOTENCY_KEY_PATTERN.source,
    example: 'grant-2025-0042',
  },
};
