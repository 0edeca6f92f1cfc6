namespace LocalCloud.StepFunctions.Api;

/// <summary>arn:aws:states:{region}:{account}:mapRun:{stateMachine}/{label}:{id} (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html).</summary>
public static class MapRunArns
{
    public static string Require(string? arn, string member = "mapRunArn")
    {
        Validate.Required(arn, member);
        var split = arn!.Split(':');
        if (split.Length != 8 || split[0] != "arn" || split[2] != "states" || split[5] != "mapRun" || !split[6].Contains('/', StringComparison.Ordinal)
            || split.Any(string.IsNullOrEmpty))
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        return arn;
    }
}
