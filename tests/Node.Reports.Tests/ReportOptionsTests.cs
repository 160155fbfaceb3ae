namespace Node.Reports.Tests;

public sealed class ReportOptionsTests
{
    [Test]
    public void Defaults_are_valid()
    {
        Assert.That(new ReportOptions().Validate(), Is.Empty);
    }

    [Test]
    public void Invalid_language_names_key_and_values()
    {
        var errors = new ReportOptions { Language = "de" }.Validate();

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Is.EqualTo("Reporting:Language = \"de\" is invalid; expected one of: en, ru."));
    }

    [Test]
    public void Out_of_range_settings_are_listed()
    {
        var errors = new ReportOptions { MaxKeyImages = -1, OverlayMaxOpacity = 1.5, SrSeriesNumber = 7, ScSeriesNumber = 7 }.Validate();

        Assert.That(errors, Has.Some.StartsWith("Reporting:MaxKeyImages = -1"));
        Assert.That(errors, Has.Some.StartsWith("Reporting:OverlayMaxOpacity = 1.5"));
        Assert.That(errors, Has.Some.Contains("need different numbers"));
    }

    [Test]
    public void Device_observer_uid_is_stable()
    {
        Assert.That(new ReportOptions().EffectiveDeviceObserverUid, Is.EqualTo(new ReportOptions().EffectiveDeviceObserverUid));
        Assert.That(Node.Dicom.Uids.DicomUid.IsValid(new ReportOptions().EffectiveDeviceObserverUid), Is.True);
    }
}
