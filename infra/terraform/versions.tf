# The same AWS deployment as the CDK stack in infra/aws/PocStack, for teams that use Terraform. The two are kept from
# drifting by tests/Infra.Aws.Tests/TerraformTests.cs, which parses these files and compares them with the CDK synth.
# How to run it against AWS or LocalCloud: docs/deploying-to-aws.md.
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40"
    }
    archive = {
      source  = "hashicorp/archive"
      version = ">= 2.4"
    }
  }
}

provider "aws" {
  region = var.region

  # Against LocalCloud (var.endpoint set): every service this configuration uses goes to the one port, and nothing
  # asks AWS who the caller is. Against AWS (var.endpoint null) these are the provider's defaults.
  skip_credentials_validation = var.endpoint != null
  skip_requesting_account_id  = var.endpoint != null
  skip_metadata_api_check     = var.endpoint != null

  dynamic "endpoints" {
    for_each = var.endpoint == null ? [] : [var.endpoint]
    content {
      dynamodb   = endpoints.value
      lambda     = endpoints.value
      sfn        = endpoints.value
      scheduler  = endpoints.value
      iam        = endpoints.value
      logs       = endpoints.value
      cloudwatch = endpoints.value
      sts        = endpoints.value
    }
  }
}

data "aws_caller_identity" "current" {}
