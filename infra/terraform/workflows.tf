# Both state machines come from the very ASL files poc deploy uses; templatefile fills their ${...} placeholders
# (the syntax is Terraform's own, so the files stay the single source, as DefinitionSubstitutions do for the CDK).

data "aws_iam_policy_document" "states_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}

# Step Functions' log delivery needs these actions on "*": AWS accepts no narrower resource for them.
# https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
locals {
  states_log_delivery_actions = [
    "logs:CreateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:DescribeLogGroups",
    "logs:DescribeResourcePolicies",
    "logs:GetLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:UpdateLogDelivery",
  ]
}

# --- poc-callback-workflow -------------------------------------------------------------------------------------------

# /aws/vendedlogs/ keeps CloudWatch Logs' resource policy small when several state machines log.
resource "aws_cloudwatch_log_group" "callback" {
  name              = "/aws/vendedlogs/states/${var.callback_state_machine_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "callback" {
  assume_role_policy = data.aws_iam_policy_document.states_assume.json
}

data "aws_iam_policy_document" "callback" {
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.create_job.arn, "${aws_lambda_function.create_job.arn}:*"]
  }
  statement {
    actions   = local.states_log_delivery_actions
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "callback" {
  role   = aws_iam_role.callback.id
  policy = data.aws_iam_policy_document.callback.json
}

resource "aws_sfn_state_machine" "callback" {
  name     = var.callback_state_machine_name
  type     = "STANDARD"
  role_arn = aws_iam_role.callback.arn
  definition = templatefile("${var.state_machines_dir}/callback.asl.json", {
    CreateJobFunctionArn = aws_lambda_function.create_job.arn
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.callback.arn}:*"
    level                  = "ERROR"
    include_execution_data = false
  }

  depends_on = [aws_iam_role_policy.callback]
}

# --- poc-polling-baseline --------------------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "polling_baseline" {
  name              = "/aws/vendedlogs/states/${var.polling_baseline_state_machine_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "polling_baseline" {
  assume_role_policy = data.aws_iam_policy_document.states_assume.json
}

data "aws_iam_policy_document" "polling_baseline" {
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.simulated_api.arn, "${aws_lambda_function.simulated_api.arn}:*"]
  }
  statement {
    actions   = local.states_log_delivery_actions
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "polling_baseline" {
  role   = aws_iam_role.polling_baseline.id
  policy = data.aws_iam_policy_document.polling_baseline.json
}

resource "aws_sfn_state_machine" "polling_baseline" {
  name     = var.polling_baseline_state_machine_name
  type     = "STANDARD"
  role_arn = aws_iam_role.polling_baseline.arn
  definition = templatefile("${var.state_machines_dir}/polling-baseline.asl.json", {
    SimulatedApiFunctionArn = aws_lambda_function.simulated_api.arn
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.polling_baseline.arn}:*"
    level                  = "ERROR"
    include_execution_data = false
  }

  depends_on = [aws_iam_role_policy.polling_baseline]
}
