using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>A parent whose .sync task waits on a child is idle only while the child is (IdleTracker.Follow).</summary>
public sealed class IdleTrackerFollowTests
{
    [Fact]
    public void Follow_ParentIdleOnlyWhileChildIdle_AndBusyOnceChildEndsUntilUnlinked()
    {
        var parent = new IdleTracker();
        var child = new IdleTracker();
        var parentWaits = new TaskCompletionSource();
        var childWaits = new TaskCompletionSource();

        var link = parent.Follow(child);
        parent.Park(parentWaits.Task);
        Assert.False(parent.WhenIdleAsync().IsCompleted, "the child has not parked yet");

        child.Park(childWaits.Task);
        Assert.True(parent.WhenIdleAsync().IsCompleted);

        child.Wake(() => childWaits.SetResult());
        var afterWake = parent.WhenIdleAsync();
        Assert.False(afterWake.IsCompleted, "a timer woke the child: the parent is busy again at once");

        child.End();
        Assert.False(parent.WhenIdleAsync().IsCompleted, "the child ended: the task it closes is about to resume the parent");

        link.Dispose();
        Assert.True(afterWake.IsCompleted, "unlinked, the parked parent is idle and its waiter released");
    }

    [Fact]
    public void Follow_ChainsThroughGrandchildren()
    {
        var parent = new IdleTracker();
        var child = new IdleTracker();
        var grandchild = new IdleTracker();
        using var up = parent.Follow(child);
        using var down = child.Follow(grandchild);
        parent.Park(new TaskCompletionSource().Task);
        child.Park(new TaskCompletionSource().Task);
        Assert.False(parent.WhenIdleAsync().IsCompleted, "the grandchild still works");

        grandchild.Park(new TaskCompletionSource().Task);

        Assert.True(parent.WhenIdleAsync().IsCompleted);
    }
}
