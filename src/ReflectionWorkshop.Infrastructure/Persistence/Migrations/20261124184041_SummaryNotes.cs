using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReflectionWorkshop.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SummaryNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Sessions",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Sessions");
        }
    }
}
