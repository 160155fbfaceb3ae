using Node.Dicom.Network.Client;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Tests.Client;

/// <summary>The presentation contexts that <c>ainode send</c> proposes for the files it is given.</summary>
[TestFixture]
public sealed class ProposalTests
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    [Test]
    [Description("An Implicit VR file gets a context of its own syntax beside the uncompressed pair, so a peer that prefers Explicit VR still lets it go unconverted.")]
    public void Own_syntax_gets_its_own_context()
    {
        var proposals = DicomClient.Propose([(CtImageStorage, DicomTransferSyntax.ImplicitVRLittleEndian)]);

        Assert.That(proposals, Has.Count.EqualTo(2));
        Assert.That(proposals[0].TransferSyntaxes, Is.EqualTo(new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian }));
        Assert.That(proposals[1].TransferSyntaxes, Is.EqualTo(new[] { DicomTransferSyntax.ImplicitVRLittleEndian }));
    }

    [Test]
    [Description("Big endian files are always converted, so their syntax gets no context of its own.")]
    public void Big_endian_gets_no_context()
    {
        var proposals = DicomClient.Propose([(CtImageStorage, DicomTransferSyntax.ExplicitVRBigEndian)]);

        Assert.That(proposals, Has.Count.EqualTo(1));
    }

    [Test]
    [Description("With more contexts than the 128 an association may have, the limit drops the unconverted extras first: every class keeps its uncompressed pair, and JPEG files, which cannot be converted, keep theirs.")]
    public void Limit_drops_unconverted_extras_first()
    {
        var classes = Enumerable.Range(1, 60).Select(index => $"1.2.3.{index}").ToList();
        var files = classes.SelectMany(sopClass => new[]
        {
            (sopClass, DicomTransferSyntax.ImplicitVRLittleEndian),
            (sopClass, DicomTransferSyntax.JPEGBaseline8Bit),
        });

        var proposals = DicomClient.Propose(files);

        Assert.That(proposals, Has.Count.EqualTo(128));
        Assert.That(proposals.Count(proposal => proposal.TransferSyntaxes.Count == 2), Is.EqualTo(60));
        Assert.That(proposals.Count(proposal => proposal.TransferSyntaxes.SequenceEqual([DicomTransferSyntax.JPEGBaseline8Bit])), Is.EqualTo(60));
        Assert.That(proposals.Count(proposal => proposal.TransferSyntaxes.SequenceEqual([DicomTransferSyntax.ImplicitVRLittleEndian])), Is.EqualTo(8));
    }
}
