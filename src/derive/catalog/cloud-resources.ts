// The cloud resources each part of the stack needs, spelled as each infrastructure-as-code tool names them.
// Data, not code: plan/infrastructure.ts picks the rows that apply to the answers. A cloud without a managed
// offering for a choice gets a self-hosted row (on the cloud's Kubernetes or virtual machines).

import type { Cloud } from '../../answers/answers.js';

/** One cloud resource and how each tool names it. cloudformation and cdk only exist for AWS. */
export interface ResourceSpelling {
  /** The service as people call it: `Amazon RDS for PostgreSQL`. */
  service: string;
  /** The public entry point in front of the compute (load balancer, API gateway, ingress). */
  entry?: true;
  /** What it is for, when not its component's sentence. */
  purpose?: string;
  /** A self-hosted system (`PostgreSQL`): on a Kubernetes compute it runs as a StatefulSet, otherwise on its own VM. */
  selfHosted?: string;
  /** INFRA-4: made once per service of a microservices system, called this (`{service}` its name); absent: one for all. */
  each?: string;
  /** CloudFormation resource type (`AWS::RDS::DBInstance`); SAM uses it too unless `sam` says otherwise. */
  cloudformation?: string;
  /** SAM's own resource type where it has one (`AWS::Serverless::Function`). */
  sam?: string;
  /** AWS CDK construct (`aws_rds.DatabaseInstance`). */
  cdk?: string;
  /** Terraform resource type (`aws_db_instance`). */
  terraform: string;
  /** Pulumi resource (`aws.rds.Instance`). */
  pulumi: string;
}

type CloudTable = Record<Cloud, ResourceSpelling[]>;

const DEAD_LETTER = 'Messages that failed every retry, kept for inspection and replay';


// Kubernetes objects: CloudFormation reaches them through the AWSQS::Kubernetes::Resource registry type, CDK
// through an EKS cluster's manifests.
const k8s = (service: string, terraform: string, pulumi: string, entry?: true): ResourceSpelling => ({
  service, ...(entry ? { entry } : {}),
  cloudformation: 'AWSQS::Kubernetes::Resource', cdk: 'aws_eks.KubernetesManifest', terraform, pulumi,
});
const k8sDeployment = (what: string): ResourceSpelling => ({
  ...k8s(`${what} on Kubernetes (Deployment and Service)`, 'kubernetes_deployment_v1', 'kubernetes.apps.v1.Deployment'),
  each: 'The {service} service on Kubernetes (Deployment and Service)',
});
const k8sStatefulSet = (what: string): ResourceSpelling => ({
  ...k8s(`${what}, self-hosted (Kubernetes StatefulSet)`, 'kubernetes_stateful_set_v1', 'kubernetes.apps.v1.StatefulSet'),
  selfHosted: what,
});

/** A self-hosted system when the compute is not Kubernetes: its own virtual machine (or host, on premises). */
export const SELF_HOSTED_VM: Record<Cloud, (what: string) => ResourceSpelling> = {
  aws: (what) => ({ service: `${what}, self-hosted on its own EC2 instance`, cloudformation: 'AWS::EC2::Instance', cdk: 'aws_ec2.Instance', terraform: 'aws_instance', pulumi: 'aws.ec2.Instance' }),
  gcp: (what) => ({ service: `${what}, self-hosted on its own Compute Engine VM`, terraform: 'google_compute_instance', pulumi: 'gcp.compute.Instance' }),
  azure: (what) => ({ service: `${what}, self-hosted on its own Azure VM`, terraform: 'azurerm_linux_virtual_machine', pulumi: 'azure.compute.LinuxVirtualMachine' }),
  'on-prem': (what) => ({ service: `${what}, self-hosted on its own host (systemd)`, terraform: 'null_resource', pulumi: 'command.remote.Command' }),
};

/** On premises without Kubernetes (compute vm): the host's own network, identity, secrets and logs. */
export const ON_PREM_HOST = {
  network: [{ service: 'Host firewall: only the reverse proxy port is open', terraform: 'null_resource', pulumi: 'command.remote.Command' }],
  identity: [{ service: 'A dedicated system user the service runs as', terraform: 'null_resource', pulumi: 'command.remote.Command' }],
  secrets: [{ service: 'Environment file readable only by the service user (or the existing vault)', terraform: 'null_resource', pulumi: 'command.remote.Command' }],
  logs: [{ service: 'journald logs shipped to the existing log stack, with alert rules', terraform: 'null_resource', pulumi: 'command.remote.Command' }],
} satisfies Record<string, ResourceSpelling[]>;
const k8sIngress = (through: string): ResourceSpelling =>
  k8s(`Kubernetes Ingress (${through})`, 'kubernetes_ingress_v1', 'kubernetes.networking.v1.Ingress', true);

/** Network each cloud's private resources live in. */
export const NETWORK: CloudTable = {
  aws: [{ service: 'Amazon VPC (private subnets, security groups)', cloudformation: 'AWS::EC2::VPC', cdk: 'aws_ec2.Vpc', terraform: 'aws_vpc', pulumi: 'aws.ec2.Vpc' }],
  gcp: [{ service: 'VPC network', terraform: 'google_compute_network', pulumi: 'gcp.compute.Network' }],
  azure: [{ service: 'Azure Virtual Network', terraform: 'azurerm_virtual_network', pulumi: 'azure.network.VirtualNetwork' }],
  'on-prem': [{ service: 'Kubernetes namespace and network policies', terraform: 'kubernetes_namespace_v1', pulumi: 'kubernetes.core.v1.Namespace' }],
};

/**
 * Lambda functions attached to a VPC (to reach a cache, a broker or a relational database) lose their direct
 * internet access: a NAT gateway gives them egress to the integrations and AWS APIs, and a gateway endpoint keeps
 * DynamoDB traffic inside the VPC.
 */
export const LAMBDA_VPC_EGRESS = {
  nat: { service: 'NAT gateway (the functions in the VPC reach the integrations and AWS APIs through it)', purpose: 'Outbound internet access for functions attached to the VPC, which have none of their own', cloudformation: 'AWS::EC2::NatGateway', cdk: 'aws_ec2.Vpc (natGateways)', terraform: 'aws_nat_gateway', pulumi: 'aws.ec2.NatGateway' },
  dynamodbEndpoint: { service: 'VPC gateway endpoint for DynamoDB', purpose: 'DynamoDB calls from the functions stay inside the VPC, with no NAT charge', cloudformation: 'AWS::EC2::VPCEndpoint', cdk: 'aws_ec2.GatewayVpcEndpoint', terraform: 'aws_vpc_endpoint', pulumi: 'aws.ec2.VpcEndpoint' },
} satisfies Record<string, ResourceSpelling>;

/** The identity the service runs as (least privilege). */
export const IDENTITY: CloudTable = {
  aws: [{ service: 'AWS IAM role for the service', cloudformation: 'AWS::IAM::Role', cdk: 'aws_iam.Role', terraform: 'aws_iam_role', pulumi: 'aws.iam.Role' }],
  gcp: [{ service: 'Service account', terraform: 'google_service_account', pulumi: 'gcp.serviceaccount.Account' }],
  azure: [{ service: 'User-assigned managed identity', terraform: 'azurerm_user_assigned_identity', pulumi: 'azure.authorization.UserAssignedIdentity' }],
  'on-prem': [{ service: 'Kubernetes service account', terraform: 'kubernetes_service_account_v1', pulumi: 'kubernetes.core.v1.ServiceAccount' }],
};

/** Where container images are kept (container compute only). */
export const REGISTRY: CloudTable = {
  aws: [{ service: 'Amazon ECR repository', each: 'Amazon ECR repository of the {service} service', cloudformation: 'AWS::ECR::Repository', cdk: 'aws_ecr.Repository', terraform: 'aws_ecr_repository', pulumi: 'aws.ecr.Repository' }],
  gcp: [{ service: 'Artifact Registry repository', terraform: 'google_artifact_registry_repository', pulumi: 'gcp.artifactregistry.Repository' }],
  azure: [{ service: 'Azure Container Registry', terraform: 'azurerm_container_registry', pulumi: 'azure.containerservice.Registry' }],
  'on-prem': [{ service: 'Private container registry (Harbor or the existing one)', terraform: 'harbor_project', pulumi: 'harbor.Project' }],
};

/** Compute, keyed by `stack.compute`; each entry lists the resources it takes, entry point first. */
export const COMPUTE: Record<string, CloudTable> = {
  lambda: {
    aws: [
      { service: 'Amazon API Gateway HTTP API', entry: true, cloudformation: 'AWS::ApiGatewayV2::Api', sam: 'AWS::Serverless::HttpApi', cdk: 'aws_apigatewayv2.HttpApi', terraform: 'aws_apigatewayv2_api', pulumi: 'aws.apigatewayv2.Api' },
      { service: 'AWS Lambda functions (one per handler group)', each: 'AWS Lambda functions of the {service} service', cloudformation: 'AWS::Lambda::Function', sam: 'AWS::Serverless::Function', cdk: 'aws_lambda.Function', terraform: 'aws_lambda_function', pulumi: 'aws.lambda.Function' },
    ],
    gcp: [
      { service: 'API Gateway', entry: true, terraform: 'google_api_gateway_gateway', pulumi: 'gcp.apigateway.Gateway' },
      { service: 'Cloud Functions (2nd gen)', each: 'Cloud Functions (2nd gen) of the {service} service', terraform: 'google_cloudfunctions2_function', pulumi: 'gcp.cloudfunctionsv2.Function' },
    ],
    azure: [
      { service: 'Azure API Management', entry: true, terraform: 'azurerm_api_management', pulumi: 'azure.apimanagement.Service' },
      { service: 'Azure Functions app', each: 'Azure Functions app of the {service} service', terraform: 'azurerm_linux_function_app', pulumi: 'azure.appservice.LinuxFunctionApp' },
    ],
    'on-prem': [
      k8sIngress('the existing ingress controller'),
      { service: 'Knative services on Kubernetes', each: 'Knative services of the {service} service on Kubernetes', terraform: 'kubernetes_manifest', pulumi: 'kubernetes.apiextensions.CustomResource' },
    ],
  },
  ecs: {
    aws: [
      { service: 'Application Load Balancer', entry: true, cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer', cdk: 'aws_elasticloadbalancingv2.ApplicationLoadBalancer', terraform: 'aws_lb', pulumi: 'aws.lb.LoadBalancer' },
      { service: 'Amazon ECS cluster', cloudformation: 'AWS::ECS::Cluster', cdk: 'aws_ecs.Cluster', terraform: 'aws_ecs_cluster', pulumi: 'aws.ecs.Cluster' },
      { service: 'ECS task definition (Fargate)', each: 'ECS task definition (Fargate) of the {service} service', cloudformation: 'AWS::ECS::TaskDefinition', cdk: 'aws_ecs.FargateTaskDefinition', terraform: 'aws_ecs_task_definition', pulumi: 'aws.ecs.TaskDefinition' },
      { service: 'ECS service on Fargate', each: 'ECS service on Fargate of the {service} service', cloudformation: 'AWS::ECS::Service', cdk: 'aws_ecs.FargateService', terraform: 'aws_ecs_service', pulumi: 'aws.ecs.Service' },
    ],
    gcp: [{ service: 'Cloud Run service (the closest to ECS on GCP)', each: 'Cloud Run service of the {service} service (the closest to ECS on GCP)', terraform: 'google_cloud_run_v2_service', pulumi: 'gcp.cloudrunv2.Service' }],
    azure: [{ service: 'Azure Container Apps (the closest to ECS on Azure)', each: 'Azure Container App of the {service} service (the closest to ECS on Azure)', terraform: 'azurerm_container_app', pulumi: 'azure.containerapp.App' }],
    'on-prem': [k8sIngress('the existing ingress controller'), k8sDeployment('Containers')],
  },
  eks: {
    aws: [
      k8sIngress('AWS Load Balancer Controller'),
      { service: 'Amazon EKS cluster', cloudformation: 'AWS::EKS::Cluster', cdk: 'aws_eks.Cluster', terraform: 'aws_eks_cluster', pulumi: 'aws.eks.Cluster' },
      { service: 'EKS managed node group', cloudformation: 'AWS::EKS::Nodegroup', cdk: 'aws_eks.Nodegroup', terraform: 'aws_eks_node_group', pulumi: 'aws.eks.NodeGroup' },
      k8sDeployment('The service'),
    ],
    gcp: [
      k8sIngress('GKE Ingress'),
      { service: 'GKE cluster (the closest to EKS on GCP)', terraform: 'google_container_cluster', pulumi: 'gcp.container.Cluster' },
      k8sDeployment('The service'),
    ],
    azure: [
      k8sIngress('Application Gateway Ingress Controller'),
      { service: 'AKS cluster (the closest to EKS on Azure)', terraform: 'azurerm_kubernetes_cluster', pulumi: 'azure.containerservice.KubernetesCluster' },
      k8sDeployment('The service'),
    ],
    'on-prem': [k8sIngress('the existing ingress controller'), k8sDeployment('The service')],
  },
  kubernetes: {
    aws: [
      k8sIngress('AWS Load Balancer Controller'),
      { service: 'Amazon EKS cluster', cloudformation: 'AWS::EKS::Cluster', cdk: 'aws_eks.Cluster', terraform: 'aws_eks_cluster', pulumi: 'aws.eks.Cluster' },
      k8sDeployment('The service'),
    ],
    gcp: [
      k8sIngress('GKE Ingress'),
      { service: 'GKE cluster', terraform: 'google_container_cluster', pulumi: 'gcp.container.Cluster' },
      k8sDeployment('The service'),
    ],
    azure: [
      k8sIngress('Application Gateway Ingress Controller'),
      { service: 'AKS cluster', terraform: 'azurerm_kubernetes_cluster', pulumi: 'azure.containerservice.KubernetesCluster' },
      k8sDeployment('The service'),
    ],
    'on-prem': [k8sIngress('the existing ingress controller'), k8sDeployment('The service')],
  },
  vm: {
    aws: [
      { service: 'Application Load Balancer', entry: true, cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer', cdk: 'aws_elasticloadbalancingv2.ApplicationLoadBalancer', terraform: 'aws_lb', pulumi: 'aws.lb.LoadBalancer' },
      { service: 'EC2 Auto Scaling group', each: 'EC2 Auto Scaling group of the {service} service', cloudformation: 'AWS::AutoScaling::AutoScalingGroup', cdk: 'aws_autoscaling.AutoScalingGroup', terraform: 'aws_autoscaling_group', pulumi: 'aws.autoscaling.Group' },
    ],
    gcp: [
      { service: 'External HTTPS load balancer', entry: true, terraform: 'google_compute_global_forwarding_rule', pulumi: 'gcp.compute.GlobalForwardingRule' },
      { service: 'Managed instance group', each: 'Managed instance group of the {service} service', terraform: 'google_compute_instance_group_manager', pulumi: 'gcp.compute.InstanceGroupManager' },
    ],
    azure: [
      { service: 'Azure Load Balancer', entry: true, terraform: 'azurerm_lb', pulumi: 'azure.lb.LoadBalancer' },
      { service: 'Virtual machine scale set', each: 'Virtual machine scale set of the {service} service', terraform: 'azurerm_linux_virtual_machine_scale_set', pulumi: 'azure.compute.LinuxVirtualMachineScaleSet' },
    ],
    'on-prem': [{ service: 'Linux host running the service under systemd, behind a reverse proxy', each: 'The {service} service under systemd on the Linux hosts, behind the reverse proxy', terraform: 'null_resource', pulumi: 'command.remote.Command' }],
  },
  'cloud-run': {
    aws: [{ service: 'AWS App Runner service (the closest to Cloud Run on AWS)', each: 'AWS App Runner service of the {service} service (the closest to Cloud Run on AWS)', cloudformation: 'AWS::AppRunner::Service', cdk: 'aws_apprunner.CfnService', terraform: 'aws_apprunner_service', pulumi: 'aws.apprunner.Service' }],
    gcp: [{ service: 'Cloud Run service', each: 'Cloud Run service of the {service} service', terraform: 'google_cloud_run_v2_service', pulumi: 'gcp.cloudrunv2.Service' }],
    azure: [{ service: 'Azure Container Apps (the closest to Cloud Run on Azure)', each: 'Azure Container App of the {service} service (the closest to Cloud Run on Azure)', terraform: 'azurerm_container_app', pulumi: 'azure.containerapp.App' }],
    'on-prem': [{ service: 'Knative service on Kubernetes', each: 'Knative service of the {service} service on Kubernetes', terraform: 'kubernetes_manifest', pulumi: 'kubernetes.apiextensions.CustomResource' }],
  },
};

/** Databases, keyed by `stack.database`. SQLite is a file beside the service: a persistent volume. */
export const DATABASE: Record<string, CloudTable> = {
  postgresql: {
    aws: [{ service: 'Amazon RDS for PostgreSQL (Multi-AZ)', cloudformation: 'AWS::RDS::DBInstance', cdk: 'aws_rds.DatabaseInstance', terraform: 'aws_db_instance', pulumi: 'aws.rds.Instance' }],
    gcp: [{ service: 'Cloud SQL for PostgreSQL', terraform: 'google_sql_database_instance', pulumi: 'gcp.sql.DatabaseInstance' }],
    azure: [{ service: 'Azure Database for PostgreSQL flexible server', terraform: 'azurerm_postgresql_flexible_server', pulumi: 'azure.postgresql.FlexibleServer' }],
    'on-prem': [k8sStatefulSet('PostgreSQL')],
  },
  mysql: {
    aws: [{ service: 'Amazon RDS for MySQL (Multi-AZ)', cloudformation: 'AWS::RDS::DBInstance', cdk: 'aws_rds.DatabaseInstance', terraform: 'aws_db_instance', pulumi: 'aws.rds.Instance' }],
    gcp: [{ service: 'Cloud SQL for MySQL', terraform: 'google_sql_database_instance', pulumi: 'gcp.sql.DatabaseInstance' }],
    azure: [{ service: 'Azure Database for MySQL flexible server', terraform: 'azurerm_mysql_flexible_server', pulumi: 'azure.mysql.FlexibleServer' }],
    'on-prem': [k8sStatefulSet('MySQL')],
  },
  sqlite: {
    aws: [{ service: 'Amazon EBS volume holding the SQLite file', cloudformation: 'AWS::EC2::Volume', cdk: 'aws_ec2.Volume', terraform: 'aws_ebs_volume', pulumi: 'aws.ebs.Volume' }],
    gcp: [{ service: 'Persistent disk holding the SQLite file', terraform: 'google_compute_disk', pulumi: 'gcp.compute.Disk' }],
    azure: [{ service: 'Managed disk holding the SQLite file', terraform: 'azurerm_managed_disk', pulumi: 'azure.compute.ManagedDisk' }],
    'on-prem': [{ service: 'Local disk of the host holding the SQLite file (with scheduled backups)', terraform: 'null_resource', pulumi: 'command.remote.Command' }],
  },
  dynamodb: {
    aws: [{ service: 'Amazon DynamoDB table (on-demand capacity, point-in-time recovery)', cloudformation: 'AWS::DynamoDB::Table', cdk: 'aws_dynamodb.Table', terraform: 'aws_dynamodb_table', pulumi: 'aws.dynamodb.Table' }],
    gcp: [{ service: 'Firestore in Native mode (the closest to DynamoDB on GCP)', terraform: 'google_firestore_database', pulumi: 'gcp.firestore.Database' }],
    azure: [{ service: 'Azure Cosmos DB (the closest to DynamoDB on Azure)', terraform: 'azurerm_cosmosdb_account', pulumi: 'azure.cosmosdb.Account' }],
    'on-prem': [k8sStatefulSet('DynamoDB-compatible store (ScyllaDB Alternator)')],
  },
  mongodb: {
    aws: [{ service: 'Amazon DocumentDB (MongoDB-compatible) cluster', cloudformation: 'AWS::DocDB::DBCluster', cdk: 'aws_docdb.DatabaseCluster', terraform: 'aws_docdb_cluster', pulumi: 'aws.docdb.Cluster' }],
    gcp: [{ service: 'MongoDB Atlas cluster on GCP', terraform: 'mongodbatlas_advanced_cluster', pulumi: 'mongodbatlas.AdvancedCluster' }],
    azure: [{ service: 'Azure Cosmos DB for MongoDB', terraform: 'azurerm_cosmosdb_account', pulumi: 'azure.cosmosdb.Account' }],
    'on-prem': [k8sStatefulSet('MongoDB replica set')],
  },
  neo4j: {
    aws: [{ service: 'Neo4j on EC2 (self-managed, or Neo4j Aura from the marketplace)', cloudformation: 'AWS::EC2::Instance', cdk: 'aws_ec2.Instance', terraform: 'aws_instance', pulumi: 'aws.ec2.Instance' }],
    gcp: [{ service: 'Neo4j on Compute Engine (self-managed, or Neo4j Aura)', terraform: 'google_compute_instance', pulumi: 'gcp.compute.Instance' }],
    azure: [{ service: 'Neo4j on an Azure VM (self-managed, or Neo4j Aura)', terraform: 'azurerm_linux_virtual_machine', pulumi: 'azure.compute.LinuxVirtualMachine' }],
    'on-prem': [k8sStatefulSet('Neo4j')],
  },
};

/** Caches, keyed by `stack.cache`. */
export const CACHE: Record<string, CloudTable> = {
  redis: {
    aws: [{ service: 'Amazon ElastiCache for Redis (replication group)', cloudformation: 'AWS::ElastiCache::ReplicationGroup', cdk: 'aws_elasticache.CfnReplicationGroup', terraform: 'aws_elasticache_replication_group', pulumi: 'aws.elasticache.ReplicationGroup' }],
    gcp: [{ service: 'Memorystore for Redis', terraform: 'google_redis_instance', pulumi: 'gcp.redis.Instance' }],
    azure: [{ service: 'Azure Cache for Redis', terraform: 'azurerm_redis_cache', pulumi: 'azure.redis.Cache' }],
    'on-prem': [k8sStatefulSet('Redis')],
  },
  memcached: {
    aws: [{ service: 'Amazon ElastiCache for Memcached', cloudformation: 'AWS::ElastiCache::CacheCluster', cdk: 'aws_elasticache.CfnCacheCluster', terraform: 'aws_elasticache_cluster', pulumi: 'aws.elasticache.Cluster' }],
    gcp: [{ service: 'Memorystore for Memcached', terraform: 'google_memcache_instance', pulumi: 'gcp.memcache.Instance' }],
    azure: [k8sStatefulSet('Memcached (no managed Memcached on Azure)')],
    'on-prem': [k8sStatefulSet('Memcached')],
  },
};

/** Queues, keyed by `stack.queue`: the queue, then its dead-letter queue where the service has one. */
export const QUEUE: Record<string, CloudTable> = {
  sqs: {
    aws: [
      { service: 'Amazon SQS queue', cloudformation: 'AWS::SQS::Queue', cdk: 'aws_sqs.Queue', terraform: 'aws_sqs_queue', pulumi: 'aws.sqs.Queue' },
      { service: 'Amazon SQS dead-letter queue (redrive policy)', purpose: DEAD_LETTER, cloudformation: 'AWS::SQS::Queue', cdk: 'aws_sqs.Queue', terraform: 'aws_sqs_queue', pulumi: 'aws.sqs.Queue' },
    ],
    gcp: [
      { service: 'Pub/Sub topic and subscription (the closest to SQS on GCP)', terraform: 'google_pubsub_subscription', pulumi: 'gcp.pubsub.Subscription' },
      { service: 'Pub/Sub dead-letter topic', purpose: DEAD_LETTER, terraform: 'google_pubsub_topic', pulumi: 'gcp.pubsub.Topic' },
    ],
    azure: [{ service: 'Azure Service Bus queue with dead-lettering (the closest to SQS on Azure)', terraform: 'azurerm_servicebus_queue', pulumi: 'azure.servicebus.Queue' }],
    'on-prem': [k8sStatefulSet('ElasticMQ (SQS-compatible)')],
  },
  kafka: {
    aws: [{ service: 'Amazon MSK (managed Kafka) cluster', cloudformation: 'AWS::MSK::Cluster', cdk: 'aws_msk.CfnCluster', terraform: 'aws_msk_cluster', pulumi: 'aws.msk.Cluster' }],
    gcp: [{ service: 'Managed Service for Apache Kafka cluster', terraform: 'google_managed_kafka_cluster', pulumi: 'gcp.managedkafka.Cluster' }],
    azure: [{ service: 'Azure Event Hubs namespace with the Kafka endpoint', terraform: 'azurerm_eventhub_namespace', pulumi: 'azure.eventhub.EventHubNamespace' }],
    'on-prem': [k8sStatefulSet('Kafka (Strimzi operator)')],
  },
  rabbitmq: {
    aws: [{ service: 'Amazon MQ for RabbitMQ broker', cloudformation: 'AWS::AmazonMQ::Broker', cdk: 'aws_amazonmq.CfnBroker', terraform: 'aws_mq_broker', pulumi: 'aws.mq.Broker' }],
    gcp: [k8sStatefulSet('RabbitMQ (no managed RabbitMQ on GCP)')],
    azure: [k8sStatefulSet('RabbitMQ (no managed RabbitMQ on Azure)')],
    'on-prem': [k8sStatefulSet('RabbitMQ')],
  },
  // A Redis queue (streams) shares the cache's Redis when there is one; otherwise it needs its own.
  redis: {
    aws: [{ service: 'Amazon ElastiCache for Redis (streams as the queue)', cloudformation: 'AWS::ElastiCache::ReplicationGroup', cdk: 'aws_elasticache.CfnReplicationGroup', terraform: 'aws_elasticache_replication_group', pulumi: 'aws.elasticache.ReplicationGroup' }],
    gcp: [{ service: 'Memorystore for Redis (streams as the queue)', terraform: 'google_redis_instance', pulumi: 'gcp.redis.Instance' }],
    azure: [{ service: 'Azure Cache for Redis (streams as the queue)', terraform: 'azurerm_redis_cache', pulumi: 'azure.redis.Cache' }],
    'on-prem': [k8sStatefulSet('Redis (streams as the queue)')],
  },
};

/** Where secrets (database password, integration keys, signing keys) live. */
export const SECRETS: CloudTable = {
  aws: [{ service: 'AWS Secrets Manager secret', cloudformation: 'AWS::SecretsManager::Secret', cdk: 'aws_secretsmanager.Secret', terraform: 'aws_secretsmanager_secret', pulumi: 'aws.secretsmanager.Secret' }],
  gcp: [{ service: 'Secret Manager secret', terraform: 'google_secret_manager_secret', pulumi: 'gcp.secretmanager.Secret' }],
  azure: [{ service: 'Azure Key Vault', terraform: 'azurerm_key_vault', pulumi: 'azure.keyvault.KeyVault' }],
  'on-prem': [{ service: 'Kubernetes secret (sealed, or from the existing vault)', terraform: 'kubernetes_secret_v1', pulumi: 'kubernetes.core.v1.Secret' }],
};

/** Logs and alarms. */
export const LOGS: CloudTable = {
  aws: [
    { service: 'Amazon CloudWatch log group', cloudformation: 'AWS::Logs::LogGroup', cdk: 'aws_logs.LogGroup', terraform: 'aws_cloudwatch_log_group', pulumi: 'aws.cloudwatch.LogGroup' },
    { service: 'Amazon CloudWatch alarms', cloudformation: 'AWS::CloudWatch::Alarm', cdk: 'aws_cloudwatch.Alarm', terraform: 'aws_cloudwatch_metric_alarm', pulumi: 'aws.cloudwatch.MetricAlarm' },
  ],
  gcp: [{ service: 'Cloud Monitoring alert policies (Cloud Logging collects the logs)', terraform: 'google_monitoring_alert_policy', pulumi: 'gcp.monitoring.AlertPolicy' }],
  azure: [
    { service: 'Log Analytics workspace', terraform: 'azurerm_log_analytics_workspace', pulumi: 'azure.operationalinsights.AnalyticsWorkspace' },
    { service: 'Azure Monitor metric alerts', terraform: 'azurerm_monitor_metric_alert', pulumi: 'azure.monitoring.MetricAlert' },
  ],
  'on-prem': [{ service: 'Prometheus alert rules (logs to the existing log stack)', terraform: 'kubernetes_manifest', pulumi: 'kubernetes.apiextensions.CustomResource' }],
};
