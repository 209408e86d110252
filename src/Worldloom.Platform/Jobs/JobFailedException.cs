namespace Worldloom.Platform.Jobs;

/// <summary>
/// Thrown by a handler when the job cannot succeed however often it is retried (bad input discovered mid-way): the job
/// fails at once with <see cref="Exception.Message"/> as its error, without the usual retries.
/// </summary>
public sealed class JobFailedException : Exception
{
    /// <summary>A failure with the message users will see.</summary>
    public JobFailedException(string message)
        : base(message)
    {
    }

    /// <summary>A failure with the message users will see and its cause.</summary>
    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>For serializers; prefer the constructors with a message.</summary>
    public JobFailedException()
    {
    }
}
