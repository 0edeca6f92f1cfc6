# Names are fixed by docs/data-model.md (poc deploy, the functions' defaults and poc test expect them); they are
# variables so a second copy can live in the same account, not because the PoC works under other names.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "endpoint" {
  description = "Send every AWS call here instead of AWS, e.g. http://127.0.0.1:4566 for LocalCloud; null for AWS."
  type        = string
  default     = null
}

variable "functions_package" {
  description = "Folder that `dotnet publish src/JobOrchestration.Functions -c Release -o out/package/publish` produced."
  type        = string
  default     = "../../out/package/publish"
}

variable "state_machines_dir" {
  description = "Folder holding callback.asl.json and polling-baseline.asl.json, the same files poc deploy uses."
  type        = string
  default     = "../statemachines"
}

variable "jobs_table_name" {
  type    = string
  default = "poc-jobs"
}

variable "tokens_table_name" {
  type    = string
  default = "poc-task-tokens"
}

variable "tokens_status_index_name" {
  type    = string
  default = "status-index"
}

variable "simulated_api_function_name" {
  type    = string
  default = "poc-simulated-api"
}

variable "create_job_function_name" {
  type    = string
  default = "poc-create-job"
}

variable "poller_function_name" {
  type    = string
  default = "poc-poller"
}

variable "callback_state_machine_name" {
  type    = string
  default = "poc-callback-workflow"
}

variable "polling_baseline_state_machine_name" {
  type    = string
  default = "poc-polling-baseline"
}

variable "poller_schedule_name" {
  type    = string
  default = "poc-poller-schedule"
}

variable "dashboard_name" {
  type    = string
  default = "poc-callback"
}

variable "function_memory_mb" {
  type    = number
  default = 256
}

variable "function_timeout_seconds" {
  type    = number
  default = 30
}

variable "log_retention_days" {
  description = "One of CloudWatch Logs' retention periods (1, 3, 5, 7, 14, 30, 60, 90, 180, 365, …)."
  type        = number
  default     = 14
}

variable "default_max_attempts" {
  type    = number
  default = 10
}

variable "default_polling_timeout_seconds" {
  type    = number
  default = 3600
}

variable "oldest_pending_job_age_alarm_seconds" {
  description = "The default polling timeout (3600 s) plus five minutes."
  type        = number
  default     = 3900
}
