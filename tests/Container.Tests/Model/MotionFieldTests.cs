using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

public sealed class MotionFieldTests
{
    [Fact]
    public void Blocks_cover_the_picture_with_the_last_one_sticking_out()
    {
        var field = new MotionField(4, 352, 290, [new int[2 * 19 * 22]]);

        Assert.Equal((19, 22), (field.BlocksY, field.BlocksX));
        Assert.Equal(1, field.FrameCount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void A_block_size_outside_8_to_64_is_refused(int blockLog2) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MotionField(blockLog2, 64, 64, [new int[2]]));

    [Fact]
    public void A_frame_with_the_wrong_number_of_components_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MotionField(4, 32, 32, [new int[8], new int[7]]));

    [Fact]
    public void A_component_beyond_the_largest_displacement_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MotionField(5, 32, 32, [[0, MotionField.MaxVector + 1]]));
        Assert.Equal(1, new MotionField(5, 32, 32, [[-MotionField.MaxVector, MotionField.MaxVector]]).FrameCount);
    }
}
