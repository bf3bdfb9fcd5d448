// Stands in for office.js (https://appsforoffice.microsoft.com/lib/1/hosted/office.js) when the
// production bundle runs in Chromium (test/helpers/addinPage.ts routes that URL here). It does what
// the bundle needs of Office and captures what the bundle registers, in window.__stmt:
//   functions   id → the function given to CustomFunctions.associate
//   actions     id → the handler given to Office.actions.associate
//   problems    what Office would refuse (an id associated twice, a non-function)
// Settings a test may give before the page loads (addInitScript): window.__stmtSettings =
//   { displayLanguage: 'fr-FR', date1904: true, shortDatePattern: 'dd/MM/yyyy' }.
(function () {
  'use strict';
  var settings = window.__stmtSettings || {};
  var stmt = { functions: {}, actions: {}, problems: [], onReadyCalls: 0 };
  window.__stmt = stmt;

  function register(table, kind) {
    return function (id, fn) {
      if (typeof fn !== 'function') stmt.problems.push(kind + ' ' + id + ': not a function');
      else if (Object.prototype.hasOwnProperty.call(table, id)) stmt.problems.push(kind + ' ' + id + ': associated twice');
      table[id] = fn;
    };
  }

  /** CustomFunctions.Error as the runtime has it: an Error with a code (#VALUE!, …) and a message. */
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code === undefined ? '#VALUE!' : code;
      this.name = 'CustomFunctions.Error';
    }
  }

  window.CustomFunctions = {
    associate: register(stmt.functions, 'CustomFunctions.associate'),
    Error: CustomFunctionsError,
    ErrorCode: {
      divisionByZero: '#DIV/0!',
      invalidName: '#NAME?',
      invalidNumber: '#NUM!',
      invalidReference: '#REF!',
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      nullReference: '#NULL!',
    },
  };

  var info = { host: 'Excel', platform: 'PC' };
  var context = {
    displayLanguage: settings.displayLanguage || 'en-US',
    contentLanguage: settings.displayLanguage || 'en-US',
    requirements: { isSetSupported: function () { return true; } },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    context: context,
    onReady: function (callback) {
      stmt.onReadyCalls++;
      return Promise.resolve().then(function () {
        if (typeof callback === 'function') callback(info);
        return info;
      });
    },
    actions: { associate: register(stmt.actions, 'Office.actions.associate') },
    addin: {
      showAsTaskpane: function () { return Promise.resolve(); },
      hide: function () { return Promise.resolve(); },
    },
  };

  // Just enough of Excel.run for functions that ask the workbook once: its date system
  // (Workbook.use1904DateSystem) and its culture's short date pattern (Application.cultureInfo).
  var shortDatePattern = settings.shortDatePattern || (/^en-US$/i.test(context.displayLanguage) ? 'M/d/yyyy' : 'dd/MM/yyyy');
  function loadable(target) {
    target.load = function () { return target; };
    return target;
  }
  window.Excel = {
    run: function (batch) {
      var application = loadable({
        cultureInfo: loadable({ name: context.displayLanguage, datetimeFormat: loadable({ shortDatePattern: shortDatePattern }) }),
      });
      var workbook = loadable({ use1904DateSystem: settings.date1904 === true, application: application });
      return Promise.resolve().then(function () {
        return batch({ workbook: workbook, application: application, sync: function () { return Promise.resolve(); } });
      });
    },
  };
})();
