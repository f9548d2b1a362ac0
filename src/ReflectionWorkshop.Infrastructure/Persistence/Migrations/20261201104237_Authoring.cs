using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReflectionWorkshop.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Authoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActivityVersion",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CustomActivityId",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // activities already in the catalogue are at their first version

            migrationBuilder.CreateTable(
                name: "CustomActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionUsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    BasedOn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomActivities_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityVersions",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    FirstRunAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityVersions", x => new { x.ActivityId, x.Number });
                    table.ForeignKey(
                        name: "FK_ActivityVersions_CustomActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "CustomActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CustomActivityId",
                table: "Sessions",
                column: "CustomActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomActivities_SpaceId_Slug",
                table: "CustomActivities",
                columns: new[] { "SpaceId", "Slug" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityVersions");

            migrationBuilder.DropTable(
                name: "CustomActivities");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_CustomActivityId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ActivityVersion",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CustomActivityId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Activities");
        }
    }
}
