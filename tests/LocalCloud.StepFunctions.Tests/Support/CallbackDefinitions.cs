namespace LocalCloud.StepFunctions.Tests.Support;

/// <summary>Definitions the restart tests share: a callback task whose timeouts are caught, and a polling loop.</summary>
public static class CallbackDefinitions
{
    /// <summary>A waitForTaskToken task sending {token, job} to "create-job"; timeouts and failures are caught into the output.</summary>
    public static string Callback(string extra) => $$"""
        {
          "StartAt": "Wait",
          "States": {
            "Wait": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName": "create-job", "Payload": { "token.$": "$$.Task.Token", "job.$": "$.job" } },
              {{extra}}
              "Catch": [
                { "ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "TimeoutState" },
                { "ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "FailedState" }
              ],
              "End": true
            },
            "TimeoutState": { "Type": "Pass", "OutputPath": "$.error", "End": true },
            "FailedState": { "Type": "Pass", "OutputPath": "$.error", "End": true }
          }
        }
        """;

    /// <summary>Task (lambda:invoke "check" counts n up) → Wait 30 s → Choice: done after three checks, else check again.</summary>
    public const string PollingLoop = """
        {
          "StartAt": "Check",
          "States": {
            "Check": {
              "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": { "FunctionName": "check", "Payload": { "n.$": "$.n" } },
              "ResultSelector": { "n.$": "$.Payload.n", "done.$": "$.Payload.done" }, "ResultPath": "$",
              "Next": "Pause"
            },
            "Pause": { "Type": "Wait", "Seconds": 30, "Next": "Done?" },
            "Done?": { "Type": "Choice", "Choices": [{ "Variable": "$.done", "BooleanEquals": true, "Next": "Done" }], "Default": "Check" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    /// <summary>The "check" function of <see cref="PollingLoop"/>: answers n+1, done once n+1 reaches 3; the same answer however often it is called.</summary>
    public static void ScriptCheck(FakeLambda lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        lambda.Answers("check", request =>
        {
            var n = System.Text.Json.Nodes.JsonNode.Parse(request.Payload.Span)!["n"]!.GetValue<int>() + 1;
            var body = $$"""{"n":{{n}},"done":{{(n >= 3 ? "true" : "false")}}}""";
            return Task.FromResult(new Core.Ports.LambdaInvokeResult(200, System.Text.Encoding.UTF8.GetBytes(body), null));
        });
    }
}
