# The three functions of docs/data-model.md, each with its own role that holds only what its code calls: no managed
# policy (AWSLambdaBasicExecutionRole's logs:CreateLogGroup is on "*"), each role writes to its own, pre-created log group.

locals {
  handler_prefix = "JobOrchestration.Functions::JobOrchestration.Functions."
}

# One archive: the three functions share one package, as in the CDK stack.
data "archive_file" "functions" {
  type        = "zip"
  source_dir  = var.functions_package
  output_path = "${path.module}/.terraform/functions.zip"
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# Terraform's aws_cloudwatch_log_group.arn drops the ":*" that CloudFormation's Arn attribute carries, so the
# log-stream actions name "<arn>:*" here to cover the same streams the CDK grant does.

# --- poc-simulated-api -----------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "simulated_api" {
  name              = "/aws/lambda/${var.simulated_api_function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "simulated_api" {
  description        = "Execution role of ${var.simulated_api_function_name}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

# The simulated API creates (PutItem), reads (GetItem) and advances (UpdateItem) jobs; it never deletes or scans.
data "aws_iam_policy_document" "simulated_api" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.jobs.arn]
  }
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.simulated_api.arn}:*"]
  }
}

resource "aws_iam_role_policy" "simulated_api" {
  role   = aws_iam_role.simulated_api.id
  policy = data.aws_iam_policy_document.simulated_api.json
}

resource "aws_lambda_function" "simulated_api" {
  function_name    = var.simulated_api_function_name
  runtime          = "dotnet8"
  handler          = "${local.handler_prefix}SimulatedApiFunction::HandleAsync"
  filename         = data.archive_file.functions.output_path
  source_code_hash = data.archive_file.functions.output_base64sha256
  timeout          = var.function_timeout_seconds
  memory_size      = var.function_memory_mb
  role             = aws_iam_role.simulated_api.arn

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.simulated_api.name
  }

  # DOTNET_TieredPGO=0: one short call per job, so the runtime's instrumented tier and second JIT never pay back in
  # this function's environments (docs/performance.md); the same in the CDK stack.
  environment {
    variables = {
      JOBS_TABLE       = aws_dynamodb_table.jobs.name
      DOTNET_TieredPGO = "0"
    }
  }

  depends_on = [aws_iam_role_policy.simulated_api]
}

# --- poc-create-job --------------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "create_job" {
  name              = "/aws/lambda/${var.create_job_function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "create_job" {
  description        = "Execution role of ${var.create_job_function_name}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

# PutItem registers the token once per execution, GetItem/UpdateItem replace it when Step Functions retries.
data "aws_iam_policy_document" "create_job" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.tokens.arn]
  }
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.simulated_api.arn, "${aws_lambda_function.simulated_api.arn}:*"]
  }
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.create_job.arn}:*"]
  }
}

resource "aws_iam_role_policy" "create_job" {
  role   = aws_iam_role.create_job.id
  policy = data.aws_iam_policy_document.create_job.json
}

resource "aws_lambda_function" "create_job" {
  function_name    = var.create_job_function_name
  runtime          = "dotnet8"
  handler          = "${local.handler_prefix}CreateJobFunction::HandleAsync"
  filename         = data.archive_file.functions.output_path
  source_code_hash = data.archive_file.functions.output_base64sha256
  timeout          = var.function_timeout_seconds
  memory_size      = var.function_memory_mb
  role             = aws_iam_role.create_job.arn

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.create_job.name
  }

  environment {
    variables = {
      TOKENS_TABLE                    = aws_dynamodb_table.tokens.name
      SIMULATED_API_FUNCTION          = aws_lambda_function.simulated_api.function_name
      DEFAULT_MAX_ATTEMPTS            = tostring(var.default_max_attempts)
      DEFAULT_POLLING_TIMEOUT_SECONDS = tostring(var.default_polling_timeout_seconds)
      # As for simulated-api: short calls, so tiered PGO does not pay back (docs/performance.md).
      DOTNET_TieredPGO = "0"
    }
  }

  depends_on = [aws_iam_role_policy.create_job]
}

# --- poc-poller ------------------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "poller" {
  name              = "/aws/lambda/${var.poller_function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "poller" {
  description        = "Execution role of ${var.poller_function_name}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

# The poller only reads PENDING records through the index; claims and closes them with conditional updates; answers
# the callback workflow's task tokens (SendTask* is authorised on the state machine whose token it answers:
# https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html).
data "aws_iam_policy_document" "poller" {
  statement {
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.tokens.arn}/index/${var.tokens_status_index_name}"]
  }
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.tokens.arn]
  }
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.simulated_api.arn, "${aws_lambda_function.simulated_api.arn}:*"]
  }
  statement {
    actions   = ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"]
    resources = [aws_sfn_state_machine.callback.arn]
  }
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.poller.arn}:*"]
  }
}

resource "aws_iam_role_policy" "poller" {
  role   = aws_iam_role.poller.id
  policy = data.aws_iam_policy_document.poller.json
}

resource "aws_lambda_function" "poller" {
  function_name    = var.poller_function_name
  runtime          = "dotnet8"
  handler          = "${local.handler_prefix}PollerFunction::HandleAsync"
  filename         = data.archive_file.functions.output_path
  source_code_hash = data.archive_file.functions.output_base64sha256
  timeout          = var.function_timeout_seconds
  memory_size      = var.function_memory_mb
  role             = aws_iam_role.poller.arn

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.poller.name
  }

  environment {
    variables = {
      TOKENS_TABLE           = aws_dynamodb_table.tokens.name
      TOKENS_STATUS_INDEX    = var.tokens_status_index_name
      SIMULATED_API_FUNCTION = aws_lambda_function.simulated_api.function_name
    }
  }

  depends_on = [aws_iam_role_policy.poller]
}
