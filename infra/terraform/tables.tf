resource "aws_dynamodb_table" "jobs" {
  name         = var.jobs_table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "jobId"

  attribute {
    name = "jobId"
    type = "S"
  }
}

# The token table is the only record of which executions wait on which job, so it gets point-in-time recovery.
resource "aws_dynamodb_table" "tokens" {
  name         = var.tokens_table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "executionArn"

  attribute {
    name = "executionArn"
    type = "S"
  }
  attribute {
    name = "status"
    type = "S"
  }
  attribute {
    name = "createdAt"
    type = "S"
  }

  global_secondary_index {
    name            = var.tokens_status_index_name
    hash_key        = "status"
    range_key       = "createdAt"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }
}
