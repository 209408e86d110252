namespace Worldloom.Cli.Bench;

/// <summary>One measured generation of a world.</summary>
/// <param name="PipelineMs">Wall time of <c>WorldPipeline.Generate</c>.</param>
/// <param name="CpuMs">
/// CPU time of the whole process meanwhile, all threads: far less inflated than wall time when other processes take
/// the cores, so the steadier figure for comparing sizes on a shared machine.
/// </param>
/// <param name="StageMs">Wall time of each stage, in pipeline order.</param>
/// <param name="DocumentMs">Wall time of <c>WorldDocument.Write</c> on the result (not part of <paramref name="PipelineMs"/>).</param>
/// <param name="AllocatedBytes">Managed bytes the pipeline allocated (<c>GC.GetTotalAllocatedBytes</c> delta), document excluded.</param>
/// <param name="DocumentBytes">Length of the canonical document.</param>
/// <param name="Hash">The world's hash (SHA-256 of the document).</param>
internal sealed record PipelineRun(double PipelineMs, double CpuMs, double[] StageMs, double DocumentMs, long AllocatedBytes, int DocumentBytes, string Hash);
