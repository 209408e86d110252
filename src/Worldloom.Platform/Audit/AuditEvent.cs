namespace Worldloom.Platform.Audit;

/// <summary>What a caller records; the chain adds seq, time, hashes and signature.</summary>
/// <param name="Actor">User id, attempted email, or <c>system</c>.</param>
/// <param name="Ip">Client address or empty.</param>
/// <param name="Action">Dotted action name.</param>
/// <param name="Target">What it acted on.</param>
/// <param name="Details">Extra facts; never secrets.</param>
public sealed record AuditEvent(string Actor, string Ip, string Action, string Target, IReadOnlyDictionary<string, string>? Details = null);
