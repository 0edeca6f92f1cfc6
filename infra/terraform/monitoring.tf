# Alarms have no actions: a PoC account rarely has an on-call topic. docs/deploying-to-aws.md says how to add one.

locals {
  state_machine_arns = [aws_sfn_state_machine.callback.arn, aws_sfn_state_machine.polling_baseline.arn]
}

resource "aws_cloudwatch_metric_alarm" "callback_executions_failed" {
  alarm_name          = "${var.callback_state_machine_name}-executions-failed"
  alarm_description   = "An execution of ${var.callback_state_machine_name} failed (JobFailed, MaxAttemptsExceeded, PollingTimeout or an unexpected error)."
  namespace           = "AWS/States"
  metric_name         = "ExecutionsFailed"
  dimensions          = { StateMachineArn = aws_sfn_state_machine.callback.arn }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "callback_executions_timed_out" {
  alarm_name          = "${var.callback_state_machine_name}-executions-timed-out"
  alarm_description   = "An execution of ${var.callback_state_machine_name} hit its own TimeoutSeconds."
  namespace           = "AWS/States"
  metric_name         = "ExecutionsTimedOut"
  dimensions          = { StateMachineArn = aws_sfn_state_machine.callback.arn }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "polling_baseline_executions_failed" {
  alarm_name          = "${var.polling_baseline_state_machine_name}-executions-failed"
  alarm_description   = "An execution of ${var.polling_baseline_state_machine_name} failed (JobFailed, MaxAttemptsExceeded, PollingTimeout or an unexpected error)."
  namespace           = "AWS/States"
  metric_name         = "ExecutionsFailed"
  dimensions          = { StateMachineArn = aws_sfn_state_machine.polling_baseline.arn }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "polling_baseline_executions_timed_out" {
  alarm_name          = "${var.polling_baseline_state_machine_name}-executions-timed-out"
  alarm_description   = "An execution of ${var.polling_baseline_state_machine_name} hit its own TimeoutSeconds."
  namespace           = "AWS/States"
  metric_name         = "ExecutionsTimedOut"
  dimensions          = { StateMachineArn = aws_sfn_state_machine.polling_baseline.arn }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "poller_errors" {
  alarm_name          = "${var.poller_function_name}-errors"
  alarm_description   = "The poller's sweep threw; pending jobs are not being advanced."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.poller.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
}

# Published by the poller (see docs/deploying-to-aws.md); until it is, the alarm sees no data and stays OK.
resource "aws_cloudwatch_metric_alarm" "oldest_pending_job_age" {
  alarm_name          = "poc-oldest-pending-job-age"
  alarm_description   = "A job has been PENDING in poc-task-tokens longer than the polling timeout allows: the poller is stuck or not scheduled."
  namespace           = "PocCallback"
  metric_name         = "OldestPendingJobAgeSeconds"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.oldest_pending_job_age_alarm_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
}

resource "aws_cloudwatch_dashboard" "poc" {
  dashboard_name = var.dashboard_name
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "alarm", x = 0, y = 0, width = 24, height = 6
        properties = {
          title = "Alarms"
          alarms = [
            aws_cloudwatch_metric_alarm.callback_executions_failed.arn,
            aws_cloudwatch_metric_alarm.callback_executions_timed_out.arn,
            aws_cloudwatch_metric_alarm.polling_baseline_executions_failed.arn,
            aws_cloudwatch_metric_alarm.polling_baseline_executions_timed_out.arn,
            aws_cloudwatch_metric_alarm.poller_errors.arn,
            aws_cloudwatch_metric_alarm.oldest_pending_job_age.arn,
          ]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 12, height = 6
        properties = {
          title  = "Executions failed / timed out", region = var.region, view = "timeSeries", period = 300, stat = "Sum"
          metrics = flatten([for arn in local.state_machine_arns : [
            ["AWS/States", "ExecutionsFailed", "StateMachineArn", arn],
            ["AWS/States", "ExecutionsTimedOut", "StateMachineArn", arn],
          ]])
        }
      },
      {
        type = "metric", x = 12, y = 6, width = 12, height = 6
        properties = {
          title  = "Executions succeeded / started", region = var.region, view = "timeSeries", period = 300, stat = "Sum"
          metrics = flatten([for arn in local.state_machine_arns : [
            ["AWS/States", "ExecutionsSucceeded", "StateMachineArn", arn],
            ["AWS/States", "ExecutionsStarted", "StateMachineArn", arn],
          ]])
        }
      },
      {
        type = "metric", x = 0, y = 12, width = 12, height = 6
        properties = {
          title  = "Poller invocations / errors / duration", region = var.region, view = "timeSeries", period = 300, stat = "Sum"
          metrics = [
            ["AWS/Lambda", "Invocations", "FunctionName", aws_lambda_function.poller.function_name],
            ["AWS/Lambda", "Errors", "FunctionName", aws_lambda_function.poller.function_name],
            ["AWS/Lambda", "Duration", "FunctionName", aws_lambda_function.poller.function_name, { stat = "Maximum", yAxis = "right" }],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 12, width = 12, height = 6
        properties = {
          title   = "Oldest pending job age (s)", region = var.region, view = "timeSeries", period = 300, stat = "Maximum"
          metrics = [["PocCallback", "OldestPendingJobAgeSeconds"]]
        }
      },
    ]
  })
}
