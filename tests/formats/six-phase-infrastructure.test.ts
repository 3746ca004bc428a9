// infrastructure(): the cloud resources for every cloud, compute, database, cache, queue and IaC value.

import { describe, expect, it } from 'vitest';
import { CACHES, CLOUDS, COMPUTES, DATABASES, IACS, QUEUES } from '../../src/answers/answers.js';
import type { Stack } from '../../src/derive/model.js';
import { infrastructure } from '../../src/derive/plan/infrastructure.js';

const base: Stack = {
  language: 'go', framework: 'chi', architecture: 'modular-monolith', database: 'postgresql', cache: 'redis', queue: 'sqs',
  cloud: 'aws', compute: 'ecs', iac: 'cloudformation', auth: 'jwt', observability: ['opentelemetry'], relational: true,
};
const resources = (s: Partial<Stack>): string[] => infrastructure({ stack: { ...base, ...s } }).map((r) => `${r.component} ${r.resource}`);

describe('infrastructure', () => {
  it('the reference stack in CloudFormation', () => {
    expect(resources({})).toEqual([
      'network AWS::EC2::VPC', 'identity AWS::IAM::Role', 'registry AWS::ECR::Repository',
      'entry AWS::ElasticLoadBalancingV2::LoadBalancer', 'compute AWS::ECS::Cluster', 'compute AWS::ECS::TaskDefinition',
      'compute AWS::ECS::Service', 'database AWS::RDS::DBInstance', 'cache AWS::ElastiCache::ReplicationGroup',
      'queue AWS::SQS::Queue', 'queue AWS::SQS::Queue', 'secrets AWS::SecretsManager::Secret',
      'logs AWS::Logs::LogGroup', 'logs AWS::CloudWatch::Alarm',
    ]);
  });
  it('spells each tool its own way', () => {
    expect(resources({ iac: 'terraform' })).toContain('database aws_db_instance');
    expect(resources({ iac: 'cdk' })).toContain('compute aws_ecs.FargateService');
    expect(resources({ compute: 'eks' })).toEqual(expect.arrayContaining(['entry AWSQS::Kubernetes::Resource', 'compute AWS::EKS::Cluster']));
    expect(resources({ compute: 'kubernetes', cloud: 'gcp', iac: 'pulumi' })).toEqual(expect.arrayContaining(['entry kubernetes.networking.v1.Ingress', 'compute gcp.container.Cluster', 'compute kubernetes.apps.v1.Deployment']));
    expect(resources({ iac: 'pulumi' })).toContain('queue aws.sqs.Queue');
    expect(resources({ iac: 'sam', compute: 'lambda' })).toEqual(expect.arrayContaining(['entry AWS::Serverless::HttpApi', 'compute AWS::Serverless::Function']));
    expect(resources({ iac: 'cloudformation', compute: 'lambda' })).toContain('compute AWS::Lambda::Function');
    expect(resources({ cloud: 'gcp', compute: 'cloud-run', iac: 'terraform' })).toEqual(expect.arrayContaining(['compute google_cloud_run_v2_service', 'database google_sql_database_instance', 'cache google_redis_instance']));
    expect(resources({ cloud: 'azure', compute: 'kubernetes', iac: 'terraform', database: 'mysql' })).toEqual(expect.arrayContaining(['compute azurerm_kubernetes_cluster', 'database azurerm_mysql_flexible_server', 'cache azurerm_redis_cache']));
  });
  it('AWS-only tools on another cloud fall back to Terraform names, and say so', () => {
    const rows = infrastructure({ stack: { ...base, cloud: 'gcp', compute: 'cloud-run', iac: 'cdk' } });
    expect(rows.every((r) => r.tool === 'terraform' && r.note === 'AWS CDK only manages AWS: named as Terraform resources')).toBe(true);
    expect(infrastructure({ stack: base }).every((r) => r.note === '')).toBe(true);
  });
  it('self-hosted systems run in Kubernetes with Kubernetes compute, else on their own VM', () => {
    expect(resources({ cloud: 'gcp', compute: 'kubernetes', iac: 'terraform', queue: 'rabbitmq' })).toContain('queue kubernetes_stateful_set_v1');
    expect(resources({ cloud: 'gcp', compute: 'cloud-run', iac: 'terraform', queue: 'rabbitmq' })).toContain('queue google_compute_instance');
    expect(resources({ cloud: 'on-prem', compute: 'vm', iac: 'terraform', database: 'postgresql' })).toEqual(expect.arrayContaining(['database null_resource']));
    const host = infrastructure({ stack: { ...base, cloud: 'on-prem', compute: 'vm', iac: 'none', cache: 'none', queue: 'none' } });
    expect(host.map((r) => `${r.component}: ${r.service}`)).toEqual([
      'network: Host firewall: only the reverse proxy port is open',
      'identity: A dedicated system user the service runs as',
      'compute: Linux host running the service under systemd, behind a reverse proxy',
      'database: PostgreSQL, self-hosted on its own host (systemd)',
      'secrets: Environment file readable only by the service user (or the existing vault)',
      'logs: journald logs shipped to the existing log stack, with alert rules',
    ]);
  });
  it('no IaC tool: each resource is made by hand, not the service name again (INFRA-2)', () => {
    const rows = infrastructure({ stack: { ...base, iac: 'none' } });
    expect(rows.every((r) => r.tool === 'none' && r.resource === 'by hand (no IaC tool chosen)' && r.service !== r.resource)).toBe(true);
  });
  it('leaves out what the stack does not have', () => {
    expect(resources({ cache: 'none', queue: 'none' }).some((r) => /^(cache|queue) /.test(r))).toBe(false);
    expect(resources({ compute: 'vm' }).some((r) => r.startsWith('registry '))).toBe(false);
    expect(resources({ compute: 'lambda', database: 'dynamodb', cache: 'none' }).some((r) => r.startsWith('network '))).toBe(false);
    expect(resources({ compute: 'lambda', database: 'postgresql', cache: 'none' }).some((r) => r.startsWith('network '))).toBe(true);
    // A Redis queue rides on the Redis cache.
    expect(resources({ queue: 'redis' }).filter((r) => r.startsWith('queue '))).toEqual([]);
    expect(resources({ queue: 'redis', cache: 'none' })).toContain('queue AWS::ElastiCache::ReplicationGroup');
  });
  it('names a resource for every combination of values', () => {
    for (const cloud of CLOUDS) for (const iac of IACS) for (const compute of COMPUTES) for (const database of DATABASES)
      for (const cache of CACHES) for (const queue of QUEUES) {
        const rows = infrastructure({ stack: { ...base, cloud, iac, compute, database, cache, queue } });
        const has = (c: string): boolean => rows.some((r) => r.component === c);
        expect(has('compute') && has('database') && has('identity') && has('secrets') && has('logs'), `${cloud} ${iac} ${compute} ${database}`).toBe(true);
        expect(has('cache')).toBe(cache !== 'none');
        expect(has('queue')).toBe(queue !== 'none' && !(queue === 'redis' && cache === 'redis'));
        for (const r of rows) expect(r.resource.length > 0 && r.service.length > 0 && r.purpose.length > 0).toBe(true);
      }
  });
});

describe('Lambda attached to a VPC', () => {
  it('gets a NAT gateway for egress, and a DynamoDB gateway endpoint on DynamoDB', () => {
    const rows = resources({ compute: 'lambda', iac: 'sam', database: 'dynamodb', cache: 'redis', queue: 'kafka', relational: false });
    expect(rows.slice(0, 3)).toEqual(['network AWS::EC2::VPC', 'network AWS::EC2::NatGateway', 'network AWS::EC2::VPCEndpoint']);
  });
  it('a relational database gets the NAT gateway but no DynamoDB endpoint; no VPC, no NAT', () => {
    const rds = resources({ compute: 'lambda', iac: 'sam' });
    expect(rds).toContain('network AWS::EC2::NatGateway');
    expect(rds).not.toContain('network AWS::EC2::VPCEndpoint');
    const managed = resources({ compute: 'lambda', iac: 'sam', database: 'dynamodb', cache: 'none', queue: 'sqs', relational: false });
    expect(managed.filter((r) => r.startsWith('network'))).toEqual([]);
    expect(resources({})).not.toContain('network AWS::EC2::NatGateway');
  });
});
