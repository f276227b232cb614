/**
 * Unit test of the setup script's entry point on the TypeScript source, with N/* resolved to
 * @oracle/suitecloud-unit-testing's stubs (jest.config.js) and mocked per test.
 */
import * as log from 'N/log';
import * as runtime from 'N/runtime';
import { execute } from '../../ts/ara_ss_setup';

jest.mock('N/log');
jest.mock('N/runtime');

describe('ara_ss_setup.execute', () => {
  const script = { getParameter: jest.fn(), getRemainingUsage: jest.fn(() => 9_990) };

  beforeEach(() => {
    jest.clearAllMocks();
    (runtime.getCurrentScript as jest.Mock).mockReturnValue(script);
  });

  it('reads the reset parameter and reports it', () => {
    script.getParameter.mockReturnValue(true);
    execute({ type: 'ONDEMAND' } as never);
    expect(script.getParameter).toHaveBeenCalledWith({ name: 'custscript_ara_setup_reset' });
    expect(log.audit).toHaveBeenCalledWith(expect.objectContaining({ details: expect.stringContaining('reset yes') }));
  });

  it('treats an unset parameter as no reset', () => {
    script.getParameter.mockReturnValue(null);
    execute({ type: 'ONDEMAND' } as never);
    expect(log.audit).toHaveBeenCalledWith(expect.objectContaining({ details: expect.stringContaining('reset no') }));
    expect(log.audit).toHaveBeenLastCalledWith(expect.objectContaining({ details: 'remaining usage 9990' }));
  });
});
