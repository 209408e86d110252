using Microsoft.Extensions.Logging;

namespace Worldloom.Platform.Jobs;

/// <summary>Log messages of the job mechanism.</summary>
internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: attempt crashed outside its handler")]
    public static partial void AttemptCrashed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job sweep failed; trying again next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
