namespace Node.Reports.Sr;

/// <summary>Value Type (0040,A040) values of PS3.3 C.17.3.2.1 that the node writes or reads.</summary>
public static class ValueType
{
    public const string Container = "CONTAINER";
    public const string Text = "TEXT";
    public const string Code = "CODE";
    public const string Num = "NUM";
    public const string UidRef = "UIDREF";
    public const string Image = "IMAGE";
}
