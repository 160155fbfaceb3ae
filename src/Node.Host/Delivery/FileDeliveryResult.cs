namespace Node.Host.Delivery;

/// <summary>The result of one report file in one call of <see cref="DestinationSender.SendAsync"/>.</summary>
/// <param name="SopInstanceUid">The SOP Instance UID the caller gave for the file.</param>
/// <param name="Path">The file.</param>
/// <param name="Outcome">Delivered, rejected or not attempted.</param>
/// <param name="Status">The destination's last C-STORE-RSP status for the file; null where none came.</param>
/// <param name="Error">Why the file was rejected or not attempted, or the destination's Error Comment with a warning; null on plain success.</param>
/// <param name="Attempts">Associations opened, or tried, to send this file during the call; 0 where the circuit was open or the file could not be read.</param>
public sealed record FileDeliveryResult(string SopInstanceUid, string Path, FileDeliveryOutcome Outcome, ushort? Status, string? Error, int Attempts);
