namespace LocalCloud.StepFunctions.Asl;

/// <summary>
/// A machine's or a state's "QueryLanguage" (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html):
/// a JSONPath machine may hold JSONata states, a JSONata machine may not hold JSONPath states.
/// </summary>
public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
