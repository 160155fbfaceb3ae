using Node.EndToEnd.Tests.NodeService;
using Node.EndToEnd.Tests.Orthanc;
using Node.EndToEnd.Tests.Studies;

namespace Node.EndToEnd.Tests;

/// <summary>
/// Orthanc on both sides, as a hospital's PACS routes studies to an AI node: the studies are
/// uploaded to Orthanc (<c>POST /instances</c>) and Orthanc sends each to the node with its own
/// C-STORE (<c>POST /modalities/ainode/store</c>); the node's reports come back to the same Orthanc.
/// </summary>
[TestFixture]
public sealed class OrthancSenderTests : PacsRoundTripFixture
{
    private protected override async Task SendAsync(OrthancServer orthanc, NodeProcess node, IReadOnlyList<SourceStudy> studies)
    {
        foreach (var study in studies)
        {
            foreach (var file in study.Files)
            {
                UploadedStudyIds[study.StudyInstanceUid] = await orthanc.UploadAsync(file);
            }
        }

        foreach (var study in studies)
        {
            await orthanc.StoreToNodeAsync(UploadedStudyIds[study.StudyInstanceUid]);
        }
    }
}
