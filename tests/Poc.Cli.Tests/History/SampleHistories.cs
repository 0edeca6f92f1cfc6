namespace Poc.Cli.Tests.History;

// Histories in GetExecutionHistory's wire shape (epoch-second timestamps), as Aws.Clients and the AWS CLI return them.
internal static class SampleHistories
{
    public const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAeyJ0b2tlbiI6InNlY3JldCJ9";

    public const string Succeeded = $$$"""
        {"events":[
          {"timestamp":1700000000.000,"type":"ExecutionStarted","id":1,"previousEventId":0,
           "executionStartedEventDetails":{"input":"{}","roleArn":"arn:aws:iam::000000000000:role/poc-role"}},
          {"timestamp":1700000000.010,"type":"TaskStateEntered","id":2,"previousEventId":1,
           "stateEnteredEventDetails":{"name":"CreateJobAndWait","input":"{}"}},
          {"timestamp":1700000000.020,"type":"TaskScheduled","id":3,"previousEventId":2,
           "taskScheduledEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","region":"us-east-1",
             "parameters":"{\"FunctionName\":\"arn:aws:lambda:us-east-1:000000000000:function:poc-create-job\",\"Payload\":{\"taskToken\":\"{{{Token}}}\",\"scenario\":\"complete\"}}"}},
          {"timestamp":1700000000.030,"type":"TaskStarted","id":4,"previousEventId":3,
           "taskStartedEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken"}},
          {"timestamp":1700000000.400,"type":"TaskSubmitted","id":5,"previousEventId":4,
           "taskSubmittedEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","output":"{}"}},
          {"timestamp":1700000006.000,"type":"TaskSucceeded","id":6,"previousEventId":5,
           "taskSucceededEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","output":"{\"status\":\"COMPLETED\"}"}},
          {"timestamp":1700000006.050,"type":"TaskStateExited","id":7,"previousEventId":6,
           "stateExitedEventDetails":{"name":"CreateJobAndWait","output":"{}"}},
          {"timestamp":1700000006.125,"type":"SucceedStateEntered","id":8,"previousEventId":7,
           "stateEnteredEventDetails":{"name":"JobSucceeded","input":"{}"}},
          {"timestamp":1700000006.130,"type":"SucceedStateExited","id":9,"previousEventId":8,
           "stateExitedEventDetails":{"name":"JobSucceeded","output":"{}"}},
          {"timestamp":1700000006.140,"type":"ExecutionSucceeded","id":10,"previousEventId":9,
           "executionSucceededEventDetails":{"output":"{}"}}
        ]}
        """;

    // Listed out of order on purpose: the parser must sort by id.
    public const string TimedOut = """
        [
          {"timestamp":1700000008.250,"type":"FailStateEntered","id":7,"previousEventId":6,
           "stateEnteredEventDetails":{"name":"TimeoutState","input":"{}"}},
          {"timestamp":1700000000.000,"type":"ExecutionStarted","id":1,"previousEventId":0,"executionStartedEventDetails":{"input":"{}"}},
          {"timestamp":1700000000.010,"type":"TaskStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{"name":"CreateJobAndWait"}},
          {"timestamp":1700000000.020,"type":"TaskScheduled","id":3,"previousEventId":2,
           "taskScheduledEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","region":"us-east-1","parameters":"{}","timeoutInSeconds":8}},
          {"timestamp":1700000008.020,"type":"TaskTimedOut","id":5,"previousEventId":4,
           "taskTimedOutEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","error":"States.Timeout","cause":"timed out"}},
          {"timestamp":1700000008.100,"type":"TaskStateExited","id":6,"previousEventId":5,"stateExitedEventDetails":{"name":"CreateJobAndWait"}},
          {"timestamp":1700000000.030,"type":"TaskStarted","id":4,"previousEventId":3,"taskStartedEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken"}}
        ]
        """;

    public const string Waiting = $$$"""
        [
          {"timestamp":1700000000,"type":"ExecutionStarted","id":1,"previousEventId":0},
          {"timestamp":1700000000,"type":"TaskStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{"name":"CreateJobAndWait"}},
          {"timestamp":1700000000,"type":"TaskScheduled","id":3,"previousEventId":2,
           "taskScheduledEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","region":"us-east-1",
             "parameters":"{\"Payload\":{\"taskToken\":\"{{{Token}}}-2\"}}"}},
          {"timestamp":1700000000,"type":"TaskStarted","id":4,"previousEventId":3},
          {"timestamp":1700000001,"type":"TaskSubmitted","id":5,"previousEventId":4}
        ]
        """;
}
