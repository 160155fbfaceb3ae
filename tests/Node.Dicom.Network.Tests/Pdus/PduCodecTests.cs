using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Tests.Pdus;

[TestFixture]
public sealed class PduCodecTests
{
    [Test]
    public async Task ReleaseRq_decodes_from_fixture()
    {
        var pdu = await ReadAsync(PduFixtures.ReleaseRq);

        Assert.That(pdu, Is.TypeOf<AReleaseRq>());
    }

    [Test]
    public void ReleaseRq_encodes_to_fixture() => Assert.That(PduWriter.ToBytes(new AReleaseRq()), Is.EqualTo(PduFixtures.ReleaseRq));

    [Test]
    public void ReleaseRp_encodes_to_fixture() => Assert.That(PduWriter.ToBytes(new AReleaseRp()), Is.EqualTo(PduFixtures.ReleaseRp));

    [Test]
    public async Task Abort_decodes_source_and_reason()
    {
        var abort = (AAbort)(await ReadAsync(PduFixtures.AbortProviderUnexpected))!;

        Assert.That(abort.Source, Is.EqualTo(AbortSource.ServiceProvider));
        Assert.That(abort.Reason, Is.EqualTo(AbortReason.UnexpectedPdu));
    }

    [Test]
    public void Abort_encodes_to_fixture() =>
        Assert.That(PduWriter.ToBytes(new AAbort(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)), Is.EqualTo(PduFixtures.AbortProviderUnexpected));

    [Test]
    public async Task Reject_decodes_result_source_reason()
    {
        var reject = (AAssociateRj)(await ReadAsync(PduFixtures.RejectLocalLimit))!;

        Assert.That(reject.Result, Is.EqualTo(RejectResult.Transient));
        Assert.That(reject.Source, Is.EqualTo(RejectSource.ServiceProviderPresentation));
        Assert.That(reject.Reason, Is.EqualTo(RejectReasons.LocalLimitExceeded));
    }

    [Test]
    public void Reject_encodes_to_fixture() =>
        Assert.That(PduWriter.ToBytes(new AAssociateRj(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReasons.LocalLimitExceeded)), Is.EqualTo(PduFixtures.RejectLocalLimit));

    [Test]
    public async Task PData_decodes_command_pdv()
    {
        var data = (PDataTf)(await ReadAsync(PduFixtures.PDataOneCommandPdv))!;

        Assert.That(data.Values, Has.Count.EqualTo(1));
        Assert.That(data.Values[0].PresentationContextId, Is.EqualTo(1));
        Assert.That(data.Values[0].IsCommand, Is.True);
        Assert.That(data.Values[0].IsLast, Is.True);
        Assert.That(data.Values[0].Fragment.ToArray(), Is.EqualTo(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD }));
    }

    [Test]
    public async Task PData_decodes_two_pdvs()
    {
        var data = (PDataTf)(await ReadAsync(PduFixtures.PDataTwoDataPdvs))!;

        Assert.That(data.Values.Select(value => (value.IsCommand, value.IsLast)), Is.EqualTo(new[] { (false, false), (false, true) }));
        Assert.That(data.Values.SelectMany(value => value.Fragment.ToArray()), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void PData_encodes_to_fixture()
    {
        var pdu = new PDataTf([new PresentationDataValue(3, false, false, new byte[] { 1, 2 }), new PresentationDataValue(3, false, true, new byte[] { 3, 4 })]);

        Assert.That(PduWriter.ToBytes(pdu), Is.EqualTo(PduFixtures.PDataTwoDataPdvs));
    }

    [Test]
    public async Task AssociateRq_decodes_fixture_fields()
    {
        var request = (AAssociateRq)(await ReadAsync(PduFixtures.AssociateRqVerification()))!;

        Assert.That(request.CalledAeTitle, Is.EqualTo("AINODE"));
        Assert.That(request.CallingAeTitle, Is.EqualTo("STORESCU"));
        Assert.That(request.ApplicationContextName, Is.EqualTo("1.2.840.10008.3.1.1.1"));
        Assert.That(request.PresentationContexts, Has.Count.EqualTo(1));
        Assert.That(request.PresentationContexts[0].Id, Is.EqualTo(1));
        Assert.That(request.PresentationContexts[0].AbstractSyntax, Is.EqualTo("1.2.840.10008.1.1"));
        Assert.That(request.PresentationContexts[0].TransferSyntaxes, Is.EqualTo(new[] { "1.2.840.10008.1.2" }));
        Assert.That(request.UserInformation.MaxPduLength, Is.EqualTo(16384));
        Assert.That(request.UserInformation.ImplementationClassUid, Is.EqualTo("1.2.3"));
    }

    [Test]
    public void AssociateRq_encodes_to_fixture()
    {
        var request = new AAssociateRq
        {
            CalledAeTitle = "AINODE",
            CallingAeTitle = "STORESCU",
            PresentationContexts = [new PresentationContextRequestItem { Id = 1, AbstractSyntax = "1.2.840.10008.1.1", TransferSyntaxes = ["1.2.840.10008.1.2"] }],
            UserInformation = new UserInformationItem { MaxPduLength = 16384, ImplementationClassUid = "1.2.3" },
        };

        Assert.That(PduWriter.ToBytes(request), Is.EqualTo(PduFixtures.AssociateRqVerification()));
    }

    [Test]
    public async Task AssociateAc_round_trips_every_item()
    {
        var accept = new AAssociateAc
        {
            CalledAeTitle = "AINODE",
            CallingAeTitle = "SCU",
            PresentationContexts =
            [
                new PresentationContextResponseItem { Id = 1, Result = PresentationContextResult.Acceptance, TransferSyntax = "1.2.840.10008.1.2.1" },
                new PresentationContextResponseItem { Id = 3, Result = PresentationContextResult.AbstractSyntaxNotSupported },
            ],
            UserInformation = new UserInformationItem
            {
                MaxPduLength = 0,
                ImplementationClassUid = "1.2.3.4",
                ImplementationVersionName = "TEST_1",
                AsynchronousOperationsWindow = new AsynchronousOperationsWindowItem(1, 1),
                RoleSelections = [new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.2", true, false)],
                UserIdentityResponse = new UserIdentityResponseItem(new byte[] { 1, 2, 3 }),
            },
        };

        var decoded = (AAssociateAc)(await ReadAsync(PduWriter.ToBytes(accept)))!;

        Assert.That(decoded.PresentationContexts.Select(context => (context.Id, context.Result, context.TransferSyntax)),
            Is.EqualTo(new[] { ((byte)1, PresentationContextResult.Acceptance, (string?)"1.2.840.10008.1.2.1"), ((byte)3, PresentationContextResult.AbstractSyntaxNotSupported, (string?)"") }));
        Assert.That(decoded.UserInformation.MaxPduLength, Is.EqualTo(0));
        Assert.That(decoded.UserInformation.ImplementationVersionName, Is.EqualTo("TEST_1"));
        Assert.That(decoded.UserInformation.AsynchronousOperationsWindow, Is.EqualTo(new AsynchronousOperationsWindowItem(1, 1)));
        Assert.That(decoded.UserInformation.RoleSelections, Is.EqualTo(new[] { new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.2", true, false) }));
        Assert.That(decoded.UserInformation.UserIdentityResponse!.ServerResponse.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task UserIdentityRequest_round_trips()
    {
        var request = new AAssociateRq
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new PresentationContextRequestItem { Id = 1, AbstractSyntax = "1.2", TransferSyntaxes = ["1.2.840.10008.1.2"] }],
            UserInformation = new UserInformationItem { UserIdentityRequest = new UserIdentityRequestItem(UserIdentityType.UsernameAndPasscode, true, "user"u8.ToArray(), "pass"u8.ToArray()) },
        };

        var identity = ((AAssociateRq)(await ReadAsync(PduWriter.ToBytes(request)))!).UserInformation.UserIdentityRequest!;

        Assert.That(identity.IdentityType, Is.EqualTo(UserIdentityType.UsernameAndPasscode));
        Assert.That(identity.PositiveResponseRequested, Is.True);
        Assert.That(identity.PrimaryField.ToArray(), Is.EqualTo("user"u8.ToArray()));
        Assert.That(identity.SecondaryField.ToArray(), Is.EqualTo("pass"u8.ToArray()));
    }

    [Test]
    [Description("An unknown user information sub-item is skipped, as PS3.7 D.3.3 asks.")]
    public async Task UnknownUserInformationItem_is_kept_aside()
    {
        var bytes = PduFixtures.AssociateRqVerification();
        var withUnknown = InsertUserInformationItem(bytes, PduFixtures.Item(0x5F, [1, 2]));

        var request = (AAssociateRq)(await ReadAsync(withUnknown))!;

        Assert.That(request.UserInformation.OtherItems.Select(item => item.ItemType), Is.EqualTo(new byte[] { 0x5F }));
        Assert.That(request.UserInformation.MaxPduLength, Is.EqualTo(16384));
    }

    [Test]
    public void UnknownPduType_names_type_field()
    {
        var exception = ReadFails(PduFixtures.HttpGet);

        Assert.That(exception.Field, Is.EqualTo("PDU-type"));
        Assert.That(exception.Offset, Is.Zero);
        Assert.That(exception.AbortReason, Is.EqualTo(AbortReason.UnrecognizedPdu));
        Assert.That(exception.Message, Does.Contain("0x47"));
    }

    [Test]
    public void PDataLength_above_maximum_fails_before_reading()
    {
        var exception = ReadFails(PduFixtures.PDataHugeLength);

        Assert.That(exception.Pdu, Is.EqualTo("P-DATA-TF"));
        Assert.That(exception.Field, Is.EqualTo("PDU-length"));
        Assert.That(exception.Offset, Is.EqualTo(2));
        Assert.That(exception.Message, Does.Contain("4294967295"));
    }

    [Test]
    public void AssociateRqLength_above_maximum_fails()
    {
        var exception = ReadFails(PduFixtures.AssociateRqHugeLength);

        Assert.That(exception.Pdu, Is.EqualTo("A-ASSOCIATE-RQ"));
        Assert.That(exception.Field, Is.EqualTo("PDU-length"));
    }

    [Test]
    public void ReleaseRq_with_wrong_length_fails()
    {
        var exception = ReadFails([0x05, 0x00, 0x00, 0x00, 0x00, 0x05, 0, 0, 0, 0, 0]);

        Assert.That(exception.Pdu, Is.EqualTo("A-RELEASE-RQ"));
        Assert.That(exception.Field, Is.EqualTo("PDU-length"));
    }

    [Test]
    public void TruncatedHeader_ends_stream()
    {
        var reader = new PduReader(new MemoryStream([0x01, 0x00, 0x00]), 65536);

        Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Test]
    public void TruncatedBody_ends_stream()
    {
        var bytes = PduFixtures.AssociateRqVerification();
        var reader = new PduReader(new MemoryStream(bytes[..^5]), 65536);

        Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Test]
    public async Task EmptyStream_reads_as_end()
    {
        var reader = new PduReader(new MemoryStream([]), 65536);

        Assert.That(await reader.ReadAsync(CancellationToken.None), Is.Null);
    }

    [TestCase(0xFFFFFFF0u, TestName = "PdvLength_0xFFFFFFF0_overruns_pdu")]
    [TestCase(0u, TestName = "PdvLength_0_is_invalid")]
    [TestCase(1u, TestName = "PdvLength_1_is_invalid")]
    [TestCase(7u, TestName = "PdvLength_one_past_pdu_overruns")]
    public void PdvLength_that_lies_fails(uint pdvLength)
    {
        byte[] bytes = [0x04, 0x00, 0x00, 0x00, 0x00, 0x0A, .. PduFixtures.BigEndian32((int)pdvLength), 0x01, 0x03, 0xAA, 0xBB, 0xCC, 0xDD];

        var exception = ReadFails(bytes);

        Assert.That(exception.Pdu, Is.EqualTo("P-DATA-TF"));
        Assert.That(exception.Field, Is.EqualTo("PDV Item-length"));
        Assert.That(exception.Offset, Is.EqualTo(6));
    }

    [Test]
    public void TwoPdvs_that_overrun_together_fail_at_second()
    {
        byte[] bytes = [0x04, 0x00, 0x00, 0x00, 0x00, 0x0E, 0x00, 0x00, 0x00, 0x04, 0x01, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x04, 0x01, 0x02];

        var exception = ReadFails(bytes);

        Assert.That(exception.Field, Is.EqualTo("PDV Item-length"));
        Assert.That(exception.Offset, Is.EqualTo(14));
    }

    [Test]
    public void ItemLength_that_overruns_pdu_names_item()
    {
        var bytes = PduFixtures.AssociateRqVerification();

        // The application context item starts after the 6-byte header and 68-byte fixed part;
        // its 2-byte length is at offset 76. Claim 0xFFFF bytes.
        bytes[76] = 0xFF;
        bytes[77] = 0xFF;
        var exception = ReadFails(bytes);

        Assert.That(exception.Pdu, Is.EqualTo("A-ASSOCIATE-RQ"));
        Assert.That(exception.Field, Does.Contain("Application Context"));
        Assert.That(exception.Offset, Is.EqualTo(78));
    }

    [Test]
    public void UnknownTopLevelItem_is_unrecognized_parameter()
    {
        var bytes = PduFixtures.AssociateRqVerification();
        bytes[74] = 0x99;

        var exception = ReadFails(bytes);

        Assert.That(exception.Field, Is.EqualTo("Item-type"));
        Assert.That(exception.Offset, Is.EqualTo(74));
        Assert.That(exception.AbortReason, Is.EqualTo(AbortReason.UnrecognizedPduParameter));
    }

    [Test]
    [Description("Bytes above 0x7F in an AE title survive decoding so the acceptor can reject the title instead of failing.")]
    public async Task AeTitle_with_high_bytes_decodes()
    {
        var bytes = PduFixtures.AssociateRqVerification();
        bytes[26] = 0xC0;
        bytes[27] = 0xB3;

        var request = (AAssociateRq)(await ReadAsync(bytes))!;

        Assert.That(PduText.IsValidAeTitle(request.CallingAeTitle), Is.False);
    }

    private static async Task<Pdu?> ReadAsync(byte[] bytes) =>
        await new PduReader(new MemoryStream(bytes), 65536).ReadAsync(CancellationToken.None);

    private static DicomProtocolException ReadFails(byte[] bytes) =>
        Assert.ThrowsAsync<DicomProtocolException>(async () => await ReadAsync(bytes))!;

    /// <summary>Appends a sub-item to the user information item, which is the last item of the fixture, fixing both lengths.</summary>
    private static byte[] InsertUserInformationItem(byte[] request, byte[] item)
    {
        var userInformationAt = Array.LastIndexOf(request, (byte)0x50, request.Length - 1);
        var bytes = request.Concat(item).ToArray();
        var itemLength = (bytes[userInformationAt + 2] << 8 | bytes[userInformationAt + 3]) + item.Length;
        bytes[userInformationAt + 2] = (byte)(itemLength >> 8);
        bytes[userInformationAt + 3] = (byte)itemLength;
        PduFixtures.BigEndian32(bytes.Length - 6).CopyTo(bytes, 2);
        return bytes;
    }
}
