# EventBridge Scheduler runs the poller once a minute.

# aws:SourceAccount stops another account's schedule from borrowing this role (confused deputy).
# https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "poller_schedule" {
  description        = "Lets EventBridge Scheduler invoke ${var.poller_function_name}"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "poller_schedule" {
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.poller.arn, "${aws_lambda_function.poller.arn}:*"]
  }
}

resource "aws_iam_role_policy" "poller_schedule" {
  role   = aws_iam_role.poller_schedule.id
  policy = data.aws_iam_policy_document.poller_schedule.json
}

resource "aws_scheduler_schedule" "poller" {
  name                = var.poller_schedule_name
  group_name          = "default"
  schedule_expression = "rate(1 minute)"
  state               = "ENABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.poller.arn
    role_arn = aws_iam_role.poller_schedule.arn
    input    = "{}"

    # A missed sweep is repaired by the next one a minute later; retrying an old one only piles up.
    retry_policy {
      maximum_retry_attempts = 0
    }
  }

  depends_on = [aws_iam_role_policy.poller_schedule]
}
