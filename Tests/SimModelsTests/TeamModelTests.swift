import ScaleSim
import SimModels
import XCTest

final class TeamModelTests: XCTestCase {
    private let team = TeamModel()

    func testCalendarWeeksFromTeamSize() throws {
        // 8 engineer-weeks / (6 engineers * 0.3) = 4.444 weeks.
        XCTAssertEqual(try team.calendarWeeks(migration: "queue", stage: 2), 8 / 1.8, accuracy: 1e-12)
    }

    func testCalendarWeeksAtLeastOne() throws {
        // 1 engineer-week / (25 * 0.3) = 0.13 weeks, rounded up to the 1-week floor.
        XCTAssertEqual(try team.calendarWeeks(migration: "indexes", stage: 4), 1)
    }

    func testReadinessBeforeWall() throws {
        // 4.444 weeks / (365.25 / 84) weeks per month = 1.0221 months; 3 + 1.0221 = 4.0221.
        let readiness = try team.readiness(migration: "queue", stage: 2, startMonth: 3, wallMonth: 5)

        XCTAssertEqual(readiness.finishMonth, 4.0221, accuracy: 1e-4)
        XCTAssertEqual(readiness.slackMonths, 0.9779, accuracy: 1e-4)
        XCTAssertTrue(readiness.isReady)
        XCTAssertEqual(readiness.explanation,
                       "The queue migration costs 8.0 engineer-weeks. 6 engineers at 30.0% platform time "
                       + "need 4.4 calendar weeks, so work started in month 3.0 finishes in month 4.0, "
                       + "1.0 months before the wall in month 5.0.")
    }

    func testReadinessLate() throws {
        // service_split: 12 / (3 * 0.3) = 13.333 weeks = 3.0664 months; 2 + 3.0664 = 5.0664.
        let readiness = try team.readiness(migration: "service_split", stage: 1, startMonth: 2, wallMonth: 4)

        XCTAssertEqual(readiness.slackMonths, -1.0664, accuracy: 1e-4)
        XCTAssertFalse(readiness.isReady)
        XCTAssertTrue(readiness.explanation.hasSuffix("1.1 months after the wall in month 4.0."), readiness.explanation)
    }

    func testUnknownMigrationThrows() {
        XCTAssertThrowsError(try team.readiness(migration: "sharding", stage: 1, startMonth: 0, wallMonth: 1)) { error in
            XCTAssertTrue(String(describing: error).contains("unknown migration 'sharding'"))
        }
    }

    func testStageOutOfRangeThrows() {
        XCTAssertThrowsError(try team.engineers(stage: 5))
        XCTAssertThrowsError(try team.engineers(stage: 0))
    }

    func testDeployPipelineMonolith() throws {
        // Stage 4: 25 * 2 = 50 deploys / 40 h = 1.25 per hour; rho = 1.25 * 25 / 60 = 0.5208;
        // Wq = 0.5208 * 25 / (2 * 0.4792) = 13.587 minutes.
        let pipeline = try team.deployPipeline(stage: 4)

        XCTAssertEqual(pipeline.deploysPerWeek, 50)
        XCTAssertEqual(pipeline.utilization, 0.520833, accuracy: 1e-6)
        XCTAssertEqual(pipeline.meanWaitMinutes, 13.587, accuracy: 1e-3)
        XCTAssertFalse(pipeline.isSaturated)
    }

    func testDeployPipelineSplitLowersWait() throws {
        // Five pipelines: 0.25 per hour each; rho = 0.1042; Wq = 0.1042 * 25 / (2 * 0.8958) = 1.453.
        let pipeline = try team.deployPipeline(stage: 4, pipelines: 5)

        XCTAssertEqual(pipeline.utilization, 0.104167, accuracy: 1e-6)
        XCTAssertEqual(pipeline.meanWaitMinutes, 1.4535, accuracy: 1e-3)
    }

    func testDeployPipelineSaturates() throws {
        var parameters = TeamParameters()
        parameters.pipelineMinutesPerDeploy = 60
        let pipeline = try TeamModel(parameters: parameters).deployPipeline(stage: 4)

        XCTAssertEqual(pipeline.utilization, 1.25, accuracy: 1e-12)
        XCTAssertTrue(pipeline.isSaturated)
        XCTAssertEqual(pipeline.meanWaitMinutes, .infinity)
    }

    func testMitigationTimeWithSRE() {
        XCTAssertEqual(team.mitigationTime(sreOnCall: true), .minutes(30))
        XCTAssertEqual(team.mitigationTime(sreOnCall: false), .minutes(180))
    }
}
