namespace Worldloom.Forge.Core.Numerics;

/// <summary>Exact integer functions for the generation path, where floating point is not allowed.</summary>
public static class IntegerMath
{
    /// <summary>
    /// The exact floor square root: the largest r with r² ≤ <paramref name="n"/>, for every 64-bit n. Digit-by-digit
    /// (binary restoring) method: 32 steps of shifts, adds and compares, no rounding anywhere.
    /// </summary>
    public static uint Sqrt(ulong n)
    {
        ulong result = 0;
        var bit = 1UL << 62;
        while (bit > n)
        {
            bit >>= 2;
        }

        while (bit != 0)
        {
            // result stays below 2^63 and bit below 2^62, so result + bit cannot overflow.
            if (n >= result + bit)
            {
                n -= result + bit;
                result = (result >> 1) + bit;
            }
            else
            {
                result >>= 1;
            }

            bit >>= 2;
        }

        return (uint)result;
    }
}
