using System.Globalization;
using Node.EndToEnd.Tests.NodeService;
using Node.EndToEnd.Tests.Orthanc;
using Node.EndToEnd.Tests.Studies;

namespace Node.EndToEnd.Tests;

/// <summary>
/// DCMTK's storescu as the modality that sends, Orthanc as the PACS that receives the reports: the
/// same studies and the same checks as with Orthanc as the sender, with another Store SCU on the
/// node's receiving side.
/// </summary>
[TestFixture]
public sealed class StorescuSenderTests : PacsRoundTripFixture
{
    /// <summary>The AE title storescu calls itself; the node accepts any caller by default.</summary>
    private const string CallingAeTitle = "MODALITY";

    private protected override Task SendAsync(OrthancServer orthanc, NodeProcess node, IReadOnlyList<SourceStudy> studies)
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        foreach (var study in studies)
        {
            var (exitCode, output, error) = ProgramRun.Run(storescu, ["-aet", CallingAeTitle, "-aec", NodeProcess.AeTitle, "127.0.0.1", node.Port.ToString(CultureInfo.InvariantCulture), .. study.Files]);
            Assert.That(exitCode, Is.Zero, $"storescu {study.Name}: {output}{error}");
        }

        return Task.CompletedTask;
    }
}
