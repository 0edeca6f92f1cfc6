using Asl.Diagrams;

namespace Poc.Cli.Report;

/// <summary>The callback pattern's architecture: who invokes whom, and in which order, as numbered arrows.</summary>
public static class ArchitectureSvg
{
    private const double W = 210;
    private const double H = 58;

    /// <summary>The diagram.</summary>
    public static string Render()
    {
        var svg = new SvgWriter(860, 430, "Architecture of the callback pattern");
        (double X, double Y) sfn = (24, 40), create = (330, 40), api = (626, 40), tokens = (330, 200), scheduler = (24, 340), poller = (330, 340);
        Box(svg, sfn, "Step Functions", "poc-callback-workflow", "svc sfn");
        Box(svg, create, "Lambda", "poc-create-job", "svc lambda");
        Box(svg, api, "external job API", "poc-simulated-api", "svc ext");
        Box(svg, tokens, "DynamoDB", "poc-task-tokens (GSI status-index)", "svc ddb");
        Box(svg, scheduler, "EventBridge Scheduler", "poc-poller-schedule rate(1 minute)", "svc sched");
        Box(svg, poller, "Lambda", "poc-poller", "svc lambda");

        Arrow(svg, sfn.X + W, sfn.Y + 22, create.X, create.Y + 22, "1 invoke .waitForTaskToken", -10);
        Arrow(svg, create.X + W, create.Y + 22, api.X, api.Y + 22, "2 CREATE_JOB", -10);
        Arrow(svg, create.X + (W / 2), create.Y + H, tokens.X + (W / 2), tokens.Y, "3 put token record", 0, labelDx: 70);
        Arrow(svg, scheduler.X + W, scheduler.Y + 29, poller.X, poller.Y + 29, "4 every interval", -10);
        Arrow(svg, poller.X + (W / 2), poller.Y, tokens.X + (W / 2), tokens.Y + H, "5 query PENDING, claim attempt", 0, labelDx: 104);
        Arrow(svg, poller.X + W, poller.Y + 29, api.X + (W / 2), api.Y + H, "6 CHECK_STATUS", 0, labelDx: 40);
        svg.Path($"M{SvgWriter.N(poller.X)},{SvgWriter.N(poller.Y + 48)} C150,{SvgWriter.N(poller.Y + 110)} 60,260 {SvgWriter.N(sfn.X + 70)},{SvgWriter.N(sfn.Y + H)}", "flow", arrow: true);
        svg.Text(120, 258, "7 SendTaskSuccess / SendTaskFailure", "t small", "start");
        svg.Text(430, 420, "While the job runs the execution waits on its task token and spends no state transitions.", "t small note");
        return svg.ToString();
    }

    private static void Box(SvgWriter svg, (double X, double Y) at, string service, string name, string css)
    {
        svg.Rect(at.X, at.Y, W, H, css, 8);
        svg.Text(at.X + (W / 2), at.Y + 23, service, "t strong");
        svg.Text(at.X + (W / 2), at.Y + 43, name, "t small");
    }

    private static void Arrow(SvgWriter svg, double x1, double y1, double x2, double y2, string label, double labelDy, double labelDx = 0)
    {
        svg.Line(x1, y1, x2, y2, "flow", arrow: true);
        svg.Text(((x1 + x2) / 2) + labelDx, ((y1 + y2) / 2) + labelDy, label, "t small");
    }
}
