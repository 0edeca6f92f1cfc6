# The CDK stack's outputs, under Terraform's snake_case names.

output "callback_state_machine_arn" {
  value = aws_sfn_state_machine.callback.arn
}

output "polling_baseline_state_machine_arn" {
  value = aws_sfn_state_machine.polling_baseline.arn
}

output "task_tokens_table_name" {
  value = aws_dynamodb_table.tokens.name
}

output "jobs_table_name" {
  value = aws_dynamodb_table.jobs.name
}
