using Node.Host.Logging;

namespace Node.Host.Tests.Logging;

[Description("A text log line shows a scope's fields, not the name of the scope's type; JSON logs read the same fields as pairs.")]
public sealed class LogFieldsTests
{
    [Test]
    public void Job_scope_prints_its_fields()
    {
        var scope = LogFields.Job(12, "1.2.3");

        Assert.That(scope.ToString(), Is.EqualTo("JobId=12 StudyInstanceUid=1.2.3"));
    }

    [Test]
    public void Instance_scope_lists_its_pairs()
    {
        var scope = LogFields.Instance("1.2.3", "1.2.3.4");

        Assert.That(scope.Select(field => field.Key), Is.EqualTo(new[] { "StudyInstanceUid", "SopInstanceUid" }));
        Assert.That(scope.Select(field => field.Value), Is.EqualTo(new object[] { "1.2.3", "1.2.3.4" }));
    }
}
