// The cloud resources the chosen stack needs, named the way the chosen IaC tool names them (seed 000's
// "AWS Resources Needed"). Pure; the catalog of names is data in ../catalog/cloud-resources.ts.
//
// Rules: every deployment gets an identity, secrets and logs; a network unless everything is managed and
// serverless (Lambda with DynamoDB and no cache or self-hosted parts), and with it, for Lambda, a NAT gateway
// (and a DynamoDB gateway endpoint) since functions in a VPC have no internet access; an image registry for container
// compute; the compute's own resources (entry point first); then the database, cache and queue chosen.
// A Redis queue rides on the Redis cache when both are chosen. CloudFormation, SAM and CDK exist only on AWS:
// on another cloud the resources are spelled as Terraform names, and the note says why. A self-hosted system
// (no managed offering) runs in Kubernetes when the compute is Kubernetes, else on its own VM; on premises
// without Kubernetes the host's own firewall, user, environment file and journald stand in.
// INFRA-2: with `iac: none` no tool names a resource: `resource` says how it is made (`by hand (no IaC tool
// chosen)`), never the service name again.
// The purposes of the network, identity and secrets name only what the stack has: the stores reached over
// the network (an embedded SQLite is not), database credentials for a database server, integration keys when
// there are integrations, token signing keys for JWT or sessions, the client secret for OAuth 2.0 and OIDC.
// INFRA-3 and INFRA-4 (docs/rules.md, "Infrastructure"): microservices with two or more deployables (DIR-5) get
// a row per service for what each runs as on its own (its Deployment, ECS service, function, image repository)
// and one database per service on the shared server; the identity row says which services own no data and so
// reach no database.

import type { Iac } from '../../answers/answers.js';
import {
  CACHE, COMPUTE, DATABASE, IDENTITY, LAMBDA_VPC_EGRESS, LOGS, NETWORK, ON_PREM_HOST, QUEUE, REGISTRY, SECRETS, SELF_HOSTED_VM,
  type ResourceSpelling,
} from '../catalog/cloud-resources.js';
import type { Stack } from '../model.js';
import { stackLabel } from '../catalog/technologies.js';
import { joinAnd } from './text.js';

export type InfraComponent =
  | 'network' | 'identity' | 'registry' | 'entry' | 'compute' | 'database' | 'cache' | 'queue' | 'secrets' | 'logs';

export interface InfraResource {
  component: InfraComponent;
  /** The service as people call it, e.g. `Amazon RDS for PostgreSQL (Multi-AZ)`. */
  service: string;
  /** The resource as `tool` names it (`AWS::RDS::DBInstance`, `aws_db_instance`); `by hand (no IaC tool chosen)` when tool is none (INFRA-2). */
  resource: string;
  /** The tool whose name `resource` is: stack.iac, or terraform when stack.iac is AWS-only and the cloud is not AWS. */
  tool: Iac;
  purpose: string;
  /** Why the name is not in stack.iac's spelling; '' normally. */
  note: string;
}

const CONTAINER_COMPUTE = new Set(['ecs', 'eks', 'kubernetes', 'cloud-run']);
const AWS_ONLY_IAC = new Set<Iac>(['cloudformation', 'sam', 'cdk']);

const PURPOSE: Record<InfraComponent, string> = {
  network: 'Private network: the database, cache and queue are reachable only from the service',
  identity: 'Least-privilege identity the service runs as: its own secrets, database, queue and logs only',
  registry: 'Holds the service images the pipeline builds and scans',
  entry: 'Public HTTPS entry point: TLS termination, routing to the service, request limits',
  compute: 'Runs the API',
  database: 'Primary data store: encrypted at rest, automated backups',
  cache: 'Cache in front of the database for hot reads',
  queue: 'Asynchronous work and events, with retries',
  secrets: 'Database credentials, integration keys and signing keys, rotated',
  logs: 'Structured logs and alarms on errors and latency',
};

const SERVER_DATABASES = new Set(['postgresql', 'mysql', 'mongodb', 'neo4j']);

/** What runs on its own under microservices (DIR-5): a name and the entities it owns. */
export interface DeployedService {
  name: string;
  entities: readonly string[];
}

/** INFRA-3: the services that run on their own: the deployables when given, else the modules; none outside microservices or for one. */
function servicesOf(s: Stack, modules: readonly { name: string; entities?: readonly string[] }[], deployables: readonly DeployedService[] | undefined): DeployedService[] {
  if (s.architecture !== 'microservices') return [];
  const units = deployables ?? modules.map((x) => ({ name: x.name, entities: x.entities ?? [] }));
  return units.length > 1 ? [...units] : [];
}

/** INFRA-4: one database per service on the shared server, in the database's words. */
function perServiceDatabase(s: Stack, names: readonly string[]): string {
  const list = `(${joinAnd(names)})`;
  switch (s.database) {
    case 'dynamodb': return `One table per service ${list}, each reached only by its own service's identity: on-demand capacity, point-in-time recovery`;
    case 'sqlite': return `One SQLite file per service ${list}, each on its own service's volume, with scheduled backups`;
    case 'neo4j': return `One database per service ${list}, each reached only with its own service's credentials (several databases on one server need Neo4j Enterprise or Aura; otherwise one server per service): encrypted at rest, automated backups`;
    default: return `One database per service ${list}, each reached only with its own service's credentials: encrypted at rest, automated backups`;
  }
}

/** The purposes that depend on what the stack has (see the header); `integrations` unknown counts as some. */
function purposes(s: Stack, integrations: number | undefined, units: readonly DeployedService[]): Record<InfraComponent, string> {
  const stores = [
    s.database !== 'sqlite' ? 'database' : '',
    s.cache !== 'none' ? 'cache' : '',
    s.queue !== 'none' && !(s.queue === 'redis' && s.cache === 'redis') ? 'queue' : '',
  ].filter((x) => x !== '');
  const secrets = [
    SERVER_DATABASES.has(s.database) ? 'database credentials' : '',
    integrations === undefined || integrations > 0 ? 'integration keys' : '',
    s.auth === 'jwt' || s.auth === 'session' ? 'token signing keys' : s.auth === 'oauth2' || s.auth === 'oidc' ? 'the identity provider client secret' : '',
  ].filter((x) => x !== '');
  const upper = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
  // INFRA-3: microservices run each module as a service of its own (each owning its data), never one API.
  const services = units.map((x) => x.name);
  // INFRA-3: a service that owns no data (DIR-5) reaches no database.
  const dataless = units.filter((x) => x.entities.length === 0).map((x) => x.name);
  return {
    ...PURPOSE,
    ...(services.length > 0
      ? {
        compute: `Runs the ${services.length} services (${joinAnd(services)}), each deployed and scaled on its own`,
        entry: 'Public HTTPS entry point: TLS termination, routing each path to the service that owns it, request limits',
        registry: `Holds the images of the ${services.length} services the pipeline builds and scans, each versioned on its own`,
        database: perServiceDatabase(s, units.filter((x) => x.entities.length > 0).map((x) => x.name)),
      }
      : {}),
    network: stores.length > 0
      ? `Private network: the ${joinAnd(stores)} ${stores.length === 1 ? 'is' : 'are'} reachable only from the service`
      : 'Private network: only the entry point is reachable from outside',
    identity: services.length > 0
      ? `Least-privilege identity per service: each reaches its own ${joinAnd(['secrets', ...stores, 'logs'])} only${dataless.length > 0 && stores.includes('database') ? ` (${joinAnd(dataless)} ${dataless.length === 1 ? 'owns' : 'own'} no data, so no database)` : ''}`
      : `Least-privilege identity the service runs as: its own ${joinAnd(['secrets', ...stores, 'logs'])} only`,
    secrets: `${secrets.length > 0 ? `${upper(joinAnd(secrets))}, rotated` : 'Configuration secrets, rotated'}${services.length > 0 ? '; each service reads only its own' : ''}`,
  };
}

/** The tool the resources are spelled in: stack.iac, or Terraform when stack.iac only manages AWS and the cloud is another. */
export function resourceTool(s: Pick<Stack, 'iac' | 'cloud'>): Iac {
  return AWS_ONLY_IAC.has(s.iac) && s.cloud !== 'aws' ? 'terraform' : s.iac;
}

/** Only the stack (and how many integrations there are) matters; a whole Model or ResolvedAnswers can be passed. */
export function infrastructure(resolved: { stack: Stack; integrations?: readonly unknown[]; modules?: readonly { name: string; entities?: readonly string[] }[]; deployables?: readonly DeployedService[] }): InfraResource[] {
  const s = resolved.stack;
  const units = servicesOf(s, resolved.modules ?? [], resolved.deployables);
  const PURPOSE = purposes(s, resolved.integrations?.length, units);
  const spelledAs = resourceTool(s);
  const note = spelledAs === s.iac ? '' : `${stackLabel('iac', s.iac)} only manages AWS: named as Terraform resources`;
  const out: InfraResource[] = [];
  // Self-hosted systems run beside the service: in Kubernetes when the compute is Kubernetes, else on a VM.
  const onKubernetes = s.compute === 'eks' || s.compute === 'kubernetes' || (s.cloud === 'on-prem' && s.compute !== 'vm');
  const hostOnly = s.cloud === 'on-prem' && s.compute === 'vm';
  const add = (component: InfraComponent, rows: readonly ResourceSpelling[] | undefined, purpose = PURPOSE[component]): void => {
    for (const given of rows ?? []) {
      const r = given.selfHosted !== undefined && !onKubernetes ? SELF_HOSTED_VM[s.cloud](given.selfHosted) : given;
      // INFRA-4: what each service runs as on its own, one row per service.
      if (r.each !== undefined && !r.entry && units.length > 0) {
        for (const u of units) {
          out.push({ component, service: r.each.replace('{service}', u.name), resource: spell(r, spelledAs), tool: spelledAs, purpose: perServicePurpose(component, u), note });
        }
        continue;
      }
      out.push(r.entry
        ? { component: 'entry', service: r.service, resource: spell(r, spelledAs), tool: spelledAs, purpose: PURPOSE.entry, note }
        : { component, service: r.service, resource: spell(r, spelledAs), tool: spelledAs, purpose: r.purpose ?? purpose, note });
    }
  };

  const allManagedServerless = s.compute === 'lambda' && s.database === 'dynamodb' && s.cache === 'none'
    && (s.queue === 'none' || s.queue === 'sqs') && s.cloud === 'aws';
  if (!allManagedServerless) add('network', hostOnly ? ON_PREM_HOST.network : NETWORK[s.cloud]);
  // Lambda in a VPC has no internet access of its own: NAT for the integrations and AWS APIs, a gateway endpoint for DynamoDB.
  if (!allManagedServerless && s.compute === 'lambda' && s.cloud === 'aws') {
    add('network', [LAMBDA_VPC_EGRESS.nat]);
    if (s.database === 'dynamodb') add('network', [LAMBDA_VPC_EGRESS.dynamodbEndpoint]);
  }
  add('identity', hostOnly ? ON_PREM_HOST.identity : IDENTITY[s.cloud]);
  if (CONTAINER_COMPUTE.has(s.compute)) add('registry', REGISTRY[s.cloud]);
  add('compute', COMPUTE[s.compute]?.[s.cloud]);
  add('database', DATABASE[s.database]?.[s.cloud]);
  if (s.cache !== 'none') {
    const carriesQueue = s.queue === 'redis' && s.cache === 'redis';
    add('cache', CACHE[s.cache]?.[s.cloud], carriesQueue ? `${PURPOSE.cache}; also carries the queue (Redis streams)` : PURPOSE.cache);
  }
  if (s.queue !== 'none' && !(s.queue === 'redis' && s.cache === 'redis')) add('queue', QUEUE[s.queue]?.[s.cloud]);
  add('secrets', hostOnly ? ON_PREM_HOST.secrets : SECRETS[s.cloud]);
  add('logs', hostOnly ? ON_PREM_HOST.logs : LOGS[s.cloud]);
  return out;
}

/** INFRA-4: a per-service row's purpose. */
function perServicePurpose(component: InfraComponent, u: DeployedService): string {
  const owns = u.entities.length > 0 ? ` (${u.entities.join(', ')})` : '';
  if (component === 'registry') return `Holds the ${u.name} images the pipeline builds and scans`;
  return `Runs the ${u.name} service${owns}, deployed and scaled apart from the others`;
}

/** The `resource` of every row when stack.iac is none (INFRA-2). */
export const BY_HAND = 'by hand (no IaC tool chosen)';

function spell(r: ResourceSpelling, tool: Iac): string {
  switch (tool) {
    case 'sam':
      return r.sam ?? r.cloudformation ?? r.terraform;
    case 'cloudformation':
      return r.cloudformation ?? r.terraform;
    case 'cdk':
      return r.cdk ?? r.terraform;
    case 'terraform':
      return r.terraform;
    case 'pulumi':
      return r.pulumi;
    case 'none':
      // No tool names the resource: the Service column already says what it is, so say how it is made.
      return BY_HAND;
  }
}

