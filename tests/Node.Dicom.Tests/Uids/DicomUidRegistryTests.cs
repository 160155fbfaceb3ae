using System.Reflection;
using Node.Dicom.Uids;
using NUnit.Framework;

namespace Node.Dicom.Tests.Uids;

/// <summary>Lookups in the UID registry. The expected UIDs, keywords and types are those of PS3.6 Table A-1.</summary>
[TestFixture]
public sealed class DicomUidRegistryTests
{
    [TestCase("1.2.840.10008.1.2", "ImplicitVRLittleEndian")]
    [TestCase("1.2.840.10008.1.2.1", "ExplicitVRLittleEndian")]
    [TestCase("1.2.840.10008.1.2.1.99", "DeflatedExplicitVRLittleEndian")]
    [TestCase("1.2.840.10008.1.2.4.50", "JPEGBaseline8Bit")]
    [TestCase("1.2.840.10008.1.2.4.90", "JPEG2000Lossless")]
    [TestCase("1.2.840.10008.1.2.4.110", "JPEGXLLossless")]
    [TestCase("1.2.840.10008.1.2.4.111", "JPEGXLJPEGRecompression")]
    [TestCase("1.2.840.10008.1.2.4.112", "JPEGXL")]
    [TestCase("1.2.840.10008.1.2.4.201", "HTJ2KLossless")]
    [TestCase("1.2.840.10008.1.2.4.202", "HTJ2KLosslessRPCL")]
    [TestCase("1.2.840.10008.1.2.4.203", "HTJ2K")]
    [TestCase("1.2.840.10008.1.2.5", "RLELossless")]
    [TestCase("1.2.840.10008.1.2.8.1", "DeflatedImageFrameCompression")]
    public void TryFind_returns_transfer_syntax(string uid, string keyword)
    {
        var info = Find(uid);

        Assert.That(info.Keyword, Is.EqualTo(keyword));
        Assert.That(info.Type, Is.EqualTo(DicomUidType.TransferSyntax));
        Assert.That(info.IsRetired, Is.False);
    }

    [Test]
    public void TryFind_marks_big_endian_retired()
    {
        var info = Find("1.2.840.10008.1.2.2");

        Assert.That(info.Keyword, Is.EqualTo("ExplicitVRBigEndian"));
        Assert.That(info.IsRetired, Is.True);
    }

    [TestCase("1.2.840.10008.1.1", "Verification")]
    [TestCase("1.2.840.10008.5.1.4.1.1.2", "CTImageStorage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.7", "SecondaryCaptureImageStorage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.88.33", "ComprehensiveSRStorage")]
    [TestCase("1.2.840.10008.5.1.4.1.2.2.1", "StudyRootQueryRetrieveInformationModelFind")]
    [TestCase("1.2.840.10008.1.20.1", "StorageCommitmentPushModel")]
    public void TryFind_returns_SOP_class(string uid, string keyword)
    {
        var info = Find(uid);

        Assert.That(info.Keyword, Is.EqualTo(keyword));
        Assert.That(info.Type, Is.EqualTo(DicomUidType.SopClass));
    }

    [Test]
    public void TryFind_returns_application_context_name()
    {
        Assert.That(Find("1.2.840.10008.3.1.1.1").Type, Is.EqualTo(DicomUidType.ApplicationContextName));
    }

    [TestCase("1.2.3.4")]
    [TestCase("1.2.840.10008.1.2 ")]
    [TestCase("")]
    public void TryFind_returns_false_for_unregistered_text(string uid)
    {
        Assert.That(DicomUidRegistry.TryFind(uid, out _), Is.False);
        Assert.That(DicomUidRegistry.Find(uid), Is.Null);
    }

    [Test]
    public void DicomUids_hold_standard_UIDs()
    {
        Assert.That(DicomUids.CTImageStorage, Is.EqualTo("1.2.840.10008.5.1.4.1.1.2"));
        Assert.That(DicomUids.Verification, Is.EqualTo("1.2.840.10008.1.1"));
        Assert.That(DicomUids.ExplicitVRLittleEndian, Is.EqualTo("1.2.840.10008.1.2.1"));
        Assert.That(DicomUids.ComprehensiveSRStorage, Is.EqualTo("1.2.840.10008.5.1.4.1.1.88.33"));
        Assert.That(DicomUids.SecondaryCaptureImageStorage, Is.EqualTo("1.2.840.10008.5.1.4.1.1.7"));
        Assert.That(DicomUids.JPEGXL, Is.EqualTo("1.2.840.10008.1.2.4.112"));
    }

    [Test]
    [Description("Each DicomUids constant is named by the keyword the registry gives its UID, and each registered UID has a constant.")]
    public void DicomUids_match_registry()
    {
        var constants = typeof(DicomUids)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!, StringComparer.Ordinal);
        var mismatches = DicomUidRegistry.All
            .Where(info => !constants.TryGetValue(info.Keyword, out var uid) || uid != info.Uid)
            .Select(info => $"{info.Keyword} {info.Uid}");

        Assert.That(mismatches, Is.Empty);
        Assert.That(constants, Has.Count.EqualTo(DicomUidRegistry.All.Count));
    }

    [Test]
    public void All_holds_valid_unique_UIDs()
    {
        var invalid = DicomUidRegistry.All.Where(info => !DicomUid.IsValid(info.Uid)).Select(info => info.Uid);
        var duplicates = DicomUidRegistry.All.GroupBy(info => info.Uid).Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.That(invalid, Is.Empty);
        Assert.That(duplicates, Is.Empty);
    }

    [TestCase("1.2.840.10008.5.1.4.1.1.2", Description = "CT Image Storage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.88.33", Description = "Comprehensive SR Storage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.7", Description = "Secondary Capture Image Storage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.1.1", Description = "Digital X-Ray Image Storage - For Presentation")]
    [TestCase("1.2.840.10008.5.1.4.1.1.6", Description = "Ultrasound Image Storage (Retired)")]
    [TestCase("1.2.840.10008.5.1.4.1.1.79.1", Description = "Macular Grid Thickness and Volume Report Storage")]
    public void StorageSopClasses_contain_storage_class(string uid)
    {
        Assert.That(DicomUidRegistry.StorageSopClasses.Select(info => info.Uid), Does.Contain(uid));
        Assert.That(DicomUidRegistry.IsStorageSopClass(uid), Is.True);
    }

    [TestCase("1.2.840.10008.1.1", Description = "Verification")]
    [TestCase("1.2.840.10008.1.20.1", Description = "Storage Commitment Push Model")]
    [TestCase("1.2.840.10008.5.1.4.1.2.2.1", Description = "Study Root Query/Retrieve Information Model - FIND")]
    [TestCase("1.2.840.10008.1.2.1", Description = "Explicit VR Little Endian, a transfer syntax")]
    public void StorageSopClasses_leave_out_other_UIDs(string uid)
    {
        Assert.That(DicomUidRegistry.StorageSopClasses.Select(info => info.Uid), Does.Not.Contain(uid));
        Assert.That(DicomUidRegistry.IsStorageSopClass(uid), Is.False);
    }

    [Test]
    public void All_and_StorageSopClasses_are_read_only()
    {
        var all = (IList<DicomUidInfo>)DicomUidRegistry.All;
        var storage = (IList<DicomUidInfo>)DicomUidRegistry.StorageSopClasses;

        Assert.That(() => all[0] = all[1], Throws.InstanceOf<NotSupportedException>());
        Assert.That(() => storage[0] = storage[1], Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    public void StorageSopClasses_are_SOP_classes()
    {
        Assert.That(DicomUidRegistry.StorageSopClasses.Select(info => info.Type), Is.All.EqualTo(DicomUidType.SopClass));
        Assert.That(DicomUidRegistry.StorageSopClasses, Has.Count.GreaterThan(150));
    }

    private static DicomUidInfo Find(string uid)
    {
        var found = DicomUidRegistry.TryFind(uid, out var info);
        Assert.That(found, Is.True, $"{uid} not found");
        return info!;
    }
}
